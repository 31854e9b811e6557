export const en = {
  title: 'Applied controls',
};

export const fr: typeof en = {
  title: 'Mesures appliquées',
};

export const de: typeof en = {
  title: 'Umgesetzte Maßnahmen',
};

export const nl: typeof en = {
  title: 'Toegepaste maatregelen',
};
