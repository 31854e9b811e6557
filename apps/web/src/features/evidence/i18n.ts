export const en = {
  title: 'Evidence',
};

export const fr: typeof en = {
  title: 'Preuves',
};

export const de: typeof en = {
  title: 'Nachweise',
};

export const nl: typeof en = {
  title: 'Bewijsstukken',
};
