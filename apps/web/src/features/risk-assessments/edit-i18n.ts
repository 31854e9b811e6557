/** The risk assessment edit dialog's own sentences (namespace `riskAssessmentEdit`); field labels are riskAssessments'. */
export const en = {
  title: 'Edit the risk assessment',
  saved: 'Risk assessment saved',
  people: 'Authors and reviewers',
  add: 'Add to {{role}}',
  remove: 'Remove {{name}} from {{role}}',
  nobody: 'Nobody yet',
  toleranceHint: 'Levels of the assessment’s matrix; to change the matrix, re-rate on another one.',
};

export const fr: typeof en = {
  title: 'Modifier l’appréciation des risques',
  saved: 'Appréciation des risques enregistrée',
  people: 'Auteurs et relecteurs',
  add: 'Ajouter aux {{role}}',
  remove: 'Retirer {{name}} des {{role}}',
  nobody: 'Personne pour l’instant',
  toleranceHint: 'Niveaux de la matrice de l’appréciation ; pour changer de matrice, recotez sur une autre.',
};

export const de: typeof en = {
  title: 'Risikobeurteilung bearbeiten',
  saved: 'Risikobeurteilung gespeichert',
  people: 'Autoren und Prüfer',
  add: 'Zu {{role}} hinzufügen',
  remove: '{{name}} aus {{role}} entfernen',
  nobody: 'Noch niemand',
  toleranceHint: 'Stufen der Matrix der Beurteilung; um die Matrix zu wechseln, auf einer anderen neu bewerten.',
};

export const nl: typeof en = {
  title: 'Risicobeoordeling bewerken',
  saved: 'Risicobeoordeling opgeslagen',
  people: 'Auteurs en reviewers',
  add: 'Toevoegen aan {{role}}',
  remove: '{{name}} verwijderen uit {{role}}',
  nobody: 'Nog niemand',
  toleranceHint:
    'Niveaus van de matrix van de beoordeling; om van matrix te wisselen, opnieuw beoordelen op een andere.',
};
