export const en = {
  title: 'Dashboard',
};

export const fr: typeof en = {
  title: 'Tableau de bord',
};

export const de: typeof en = {
  title: 'Übersicht',
};

export const nl: typeof en = {
  title: 'Dashboard',
};
