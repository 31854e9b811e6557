export const en = {
  title: 'Security exceptions',
};

export const fr: typeof en = {
  title: 'Exceptions de sécurité',
};

export const de: typeof en = {
  title: 'Sicherheitsausnahmen',
};

export const nl: typeof en = {
  title: 'Beveiligingsuitzonderingen',
};
