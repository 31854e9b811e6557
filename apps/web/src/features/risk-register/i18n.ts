export const en = {
  title: 'Risk register',
};

export const fr: typeof en = {
  title: 'Registre des risques',
};

export const de: typeof en = {
  title: 'Risikoregister',
};

export const nl: typeof en = {
  title: 'Risicoregister',
};
