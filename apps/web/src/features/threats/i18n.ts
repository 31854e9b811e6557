export const en = {
  title: 'Threats',
};

export const fr: typeof en = {
  title: 'Menaces',
};

export const de: typeof en = {
  title: 'Bedrohungen',
};

export const nl: typeof en = {
  title: 'Dreigingen',
};
