export const en = {
  title: 'Risk acceptances',
};

export const fr: typeof en = {
  title: 'Acceptations de risque',
};

export const de: typeof en = {
  title: 'Risikoakzeptanzen',
};

export const nl: typeof en = {
  title: 'Risicoacceptaties',
};
