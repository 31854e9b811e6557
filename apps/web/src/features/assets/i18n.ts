export const en = {
  title: 'Assets',
};

export const fr: typeof en = {
  title: 'Actifs',
};

export const de: typeof en = {
  title: 'Assets',
};

export const nl: typeof en = {
  title: 'Assets',
};
