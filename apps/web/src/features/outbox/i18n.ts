export const en = {
  title: 'Outbox',
  intro:
    'Every e-mail Rampart sends passes through here. Without an SMTP server, messages are stored instead of sent: open them here to pass links on by hand.',
  empty: 'No e-mails.',
  columns: { to: 'To', subject: 'Subject', status: 'Status', created: 'Created' },
  status: { pending: 'Pending', sent: 'Sent', failed: 'Failed', stored: 'Stored (SMTP off)' },
  open: 'Read',
  messageTitle: 'E-mail to {{to}}',
  sentAt: 'Sent {{date}}',
  error: 'Last error: {{error}}',
};

export const fr: typeof en = {
  title: 'Boîte d’envoi',
  intro:
    'Tous les e-mails envoyés par Rampart passent par ici. Sans serveur SMTP, les messages sont conservés au lieu d’être envoyés : ouvrez-les ici pour transmettre les liens à la main.',
  empty: 'Aucun e-mail.',
  columns: { to: 'Destinataire', subject: 'Objet', status: 'Statut', created: 'Créé' },
  status: { pending: 'En attente', sent: 'Envoyé', failed: 'Échec', stored: 'Conservé (SMTP désactivé)' },
  open: 'Lire',
  messageTitle: 'E-mail à {{to}}',
  sentAt: 'Envoyé le {{date}}',
  error: 'Dernière erreur : {{error}}',
};

export const de: typeof en = {
  title: 'Postausgang',
  intro:
    'Jede von Rampart versendete E-Mail läuft hier durch. Ohne SMTP-Server werden Nachrichten gespeichert statt versendet: Öffnen Sie sie hier, um Links von Hand weiterzugeben.',
  empty: 'Keine E-Mails.',
  columns: { to: 'An', subject: 'Betreff', status: 'Status', created: 'Erstellt' },
  status: { pending: 'Ausstehend', sent: 'Gesendet', failed: 'Fehlgeschlagen', stored: 'Gespeichert (SMTP aus)' },
  open: 'Lesen',
  messageTitle: 'E-Mail an {{to}}',
  sentAt: 'Gesendet am {{date}}',
  error: 'Letzter Fehler: {{error}}',
};

export const nl: typeof en = {
  title: 'Postvak uit',
  intro:
    'Elke e-mail die Rampart verstuurt, komt hier langs. Zonder SMTP-server worden berichten bewaard in plaats van verstuurd: open ze hier om links met de hand door te geven.',
  empty: 'Geen e-mails.',
  columns: { to: 'Aan', subject: 'Onderwerp', status: 'Status', created: 'Aangemaakt' },
  status: { pending: 'In afwachting', sent: 'Verstuurd', failed: 'Mislukt', stored: 'Bewaard (SMTP uit)' },
  open: 'Lezen',
  messageTitle: 'E-mail aan {{to}}',
  sentAt: 'Verstuurd op {{date}}',
  error: 'Laatste fout: {{error}}',
};
