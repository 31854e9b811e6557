/**
 * The built-in roles are stored with English names; the UI shows them in the reader's language by their `key`.
 * Custom roles are shown as their creators named them.
 */
export const en = {
  owner: { name: 'Owner', description: 'Everything, including members, roles and the organisation itself.' },
  manager: {
    name: 'Manager',
    description: 'Manages folders and all content, invites members and grants roles; cannot change the organisation.',
  },
  contributor: {
    name: 'Contributor',
    description: 'Reads everything in scope; creates and edits content, but not folders or permissions.',
  },
  auditor: { name: 'Auditor', description: 'Reads everything in scope, comments and reviews; changes nothing else.' },
  reader: { name: 'Reader', description: 'Reads everything in scope.' },
};

export const fr: typeof en = {
  owner: {
    name: 'Propriétaire',
    description: 'Tout, y compris les membres, les rôles et l’organisation elle-même.',
  },
  manager: {
    name: 'Gestionnaire',
    description:
      'Gère les dossiers et tout leur contenu, invite des membres et attribue des rôles ; ne peut pas modifier l’organisation.',
  },
  contributor: {
    name: 'Contributeur',
    description: 'Lit tout dans son périmètre ; crée et modifie le contenu, mais ni les dossiers ni les permissions.',
  },
  auditor: {
    name: 'Auditeur',
    description: 'Lit tout dans son périmètre, commente et révise ; ne modifie rien d’autre.',
  },
  reader: { name: 'Lecteur', description: 'Lit tout dans son périmètre.' },
};

export const de: typeof en = {
  owner: { name: 'Inhaber', description: 'Alles, einschließlich Mitglieder, Rollen und der Organisation selbst.' },
  manager: {
    name: 'Manager',
    description:
      'Verwaltet Ordner und alle Inhalte, lädt Mitglieder ein und vergibt Rollen; kann die Organisation nicht ändern.',
  },
  contributor: {
    name: 'Mitwirkender',
    description: 'Liest alles im Bereich; erstellt und bearbeitet Inhalte, aber keine Ordner oder Berechtigungen.',
  },
  auditor: {
    name: 'Prüfer',
    description: 'Liest alles im Bereich, kommentiert und prüft; ändert sonst nichts.',
  },
  reader: { name: 'Leser', description: 'Liest alles im Bereich.' },
};

export const nl: typeof en = {
  owner: { name: 'Eigenaar', description: 'Alles, inclusief leden, rollen en de organisatie zelf.' },
  manager: {
    name: 'Beheerder',
    description:
      'Beheert mappen en alle inhoud, nodigt leden uit en kent rollen toe; kan de organisatie niet wijzigen.',
  },
  contributor: {
    name: 'Bijdrager',
    description: 'Leest alles binnen het bereik; maakt en bewerkt inhoud, maar geen mappen of rechten.',
  },
  auditor: {
    name: 'Auditor',
    description: 'Leest alles binnen het bereik, geeft commentaar en beoordeelt; wijzigt verder niets.',
  },
  reader: { name: 'Lezer', description: 'Leest alles binnen het bereik.' },
};
