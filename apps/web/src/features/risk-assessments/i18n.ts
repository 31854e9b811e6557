export const en = {
  title: 'Risk assessments',
};

export const fr: typeof en = {
  title: 'Appréciations des risques',
};

export const de: typeof en = {
  title: 'Risikobeurteilungen',
};

export const nl: typeof en = {
  title: 'Risicobeoordelingen',
};
