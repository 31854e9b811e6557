export const en = {
  title: 'Findings',
};

export const fr: typeof en = {
  title: 'Constats',
};

export const de: typeof en = {
  title: 'Feststellungen',
};

export const nl: typeof en = {
  title: 'Bevindingen',
};
