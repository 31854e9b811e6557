export const en = {
  title: 'Risk matrices',
};

export const fr: typeof en = {
  title: 'Matrices de risque',
};

export const de: typeof en = {
  title: 'Risikomatrizen',
};

export const nl: typeof en = {
  title: 'Risicomatrices',
};
