export const en = {
  title: 'Jobs',
  intro: 'Long-running work (imports, exports, reports) and how far along it is. This page refreshes while jobs run.',
  empty: 'No jobs yet.',
  status: { queued: 'Queued', running: 'Running', succeeded: 'Succeeded', failed: 'Failed', cancelled: 'Cancelled' },
  filter: 'Status',
  all: 'All',
  columns: { type: 'Job', status: 'Status', progress: 'Progress', started: 'Started', finished: 'Finished' },
  progress: '{{percent}} % done',
  attempts_one: '{{count}} attempt',
  attempts_other: '{{count}} attempts',
};

export const fr: typeof en = {
  title: 'Tâches',
  intro:
    'Les traitements longs (imports, exports, rapports) et leur avancement. Cette page s’actualise tant que des tâches tournent.',
  empty: 'Aucune tâche pour l’instant.',
  status: { queued: 'En attente', running: 'En cours', succeeded: 'Réussie', failed: 'Échouée', cancelled: 'Annulée' },
  filter: 'Statut',
  all: 'Toutes',
  columns: { type: 'Tâche', status: 'Statut', progress: 'Avancement', started: 'Début', finished: 'Fin' },
  progress: '{{percent}} % effectués',
  attempts_one: '{{count}} tentative',
  attempts_other: '{{count}} tentatives',
};

export const de: typeof en = {
  title: 'Aufträge',
  intro:
    'Lang laufende Arbeiten (Importe, Exporte, Berichte) und ihr Fortschritt. Diese Seite aktualisiert sich, solange Aufträge laufen.',
  empty: 'Noch keine Aufträge.',
  status: {
    queued: 'Wartend',
    running: 'Läuft',
    succeeded: 'Erfolgreich',
    failed: 'Fehlgeschlagen',
    cancelled: 'Abgebrochen',
  },
  filter: 'Status',
  all: 'Alle',
  columns: { type: 'Auftrag', status: 'Status', progress: 'Fortschritt', started: 'Gestartet', finished: 'Beendet' },
  progress: '{{percent}} % erledigt',
  attempts_one: '{{count}} Versuch',
  attempts_other: '{{count}} Versuche',
};

export const nl: typeof en = {
  title: 'Taken',
  intro:
    'Langlopend werk (imports, exports, rapporten) en hoe ver het is. Deze pagina vernieuwt zolang er taken lopen.',
  empty: 'Nog geen taken.',
  status: {
    queued: 'In wachtrij',
    running: 'Bezig',
    succeeded: 'Geslaagd',
    failed: 'Mislukt',
    cancelled: 'Geannuleerd',
  },
  filter: 'Status',
  all: 'Alle',
  columns: { type: 'Taak', status: 'Status', progress: 'Voortgang', started: 'Gestart', finished: 'Klaar' },
  progress: '{{percent}} % klaar',
  attempts_one: '{{count}} poging',
  attempts_other: '{{count}} pogingen',
};
