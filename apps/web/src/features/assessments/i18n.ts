export const en = {
  title: 'Compliance assessments',
};

export const fr: typeof en = {
  title: 'Évaluations de conformité',
};

export const de: typeof en = {
  title: 'Konformitätsbewertungen',
};

export const nl: typeof en = {
  title: 'Conformiteitsbeoordelingen',
};
