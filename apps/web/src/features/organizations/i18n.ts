export const en = {
  title: 'Settings',
  intro: 'The organisation’s name and its security rules.',
  name: 'Organisation name',
  requireTotp: 'Require two-factor authentication',
  requireTotpHint: 'Members without two-factor authentication must turn it on before they can work here.',
  readOnly: 'Only an owner can change these settings.',
  created: 'Created {{date}}',
};

export const fr: typeof en = {
  title: 'Paramètres',
  intro: 'Le nom de l’organisation et ses règles de sécurité.',
  name: 'Nom de l’organisation',
  requireTotp: 'Exiger l’authentification à deux facteurs',
  requireTotpHint:
    'Les membres sans authentification à deux facteurs doivent l’activer avant de pouvoir travailler ici.',
  readOnly: 'Seul un propriétaire peut modifier ces paramètres.',
  created: 'Créée le {{date}}',
};

export const de: typeof en = {
  title: 'Einstellungen',
  intro: 'Der Name der Organisation und ihre Sicherheitsregeln.',
  name: 'Name der Organisation',
  requireTotp: 'Zwei-Faktor-Authentifizierung verlangen',
  requireTotpHint:
    'Mitglieder ohne Zwei-Faktor-Authentifizierung müssen sie einschalten, bevor sie hier arbeiten können.',
  readOnly: 'Nur ein Inhaber kann diese Einstellungen ändern.',
  created: 'Erstellt am {{date}}',
};

export const nl: typeof en = {
  title: 'Instellingen',
  intro: 'De naam van de organisatie en haar beveiligingsregels.',
  name: 'Naam van de organisatie',
  requireTotp: 'Tweestapsverificatie verplichten',
  requireTotpHint: 'Leden zonder tweestapsverificatie moeten die inschakelen voordat ze hier kunnen werken.',
  readOnly: 'Alleen een eigenaar kan deze instellingen wijzigen.',
  created: 'Aangemaakt op {{date}}',
};
