/** The import dialog's words, kept beside i18n.ts (which nests them under `import`) so each file stays short. */
export const en = {
  open: 'Import YAML',
  title: 'Import risk matrices',
  intro:
    'Upload a CISO Assistant library (YAML). Its risk matrices are added to the folder. A matrix already imported (same URN) is left alone when the file did not change; otherwise it is updated in place, or added as a new revision when risk assessments use it.',
  file: 'Library file',
  clearFile: 'Remove the chosen file',
  submit: 'Import',
  done: 'Import finished',
  summary:
    '{{created}} created, {{updated}} updated in place, {{revised}} added as a new revision, {{unchanged}} unchanged',
  problems: 'Problems found in the file',
};

export const fr: typeof en = {
  open: 'Importer un YAML',
  title: 'Importer des matrices de risque',
  intro:
    'Envoyez une bibliothèque CISO Assistant (YAML). Ses matrices de risque sont ajoutées au dossier. Une matrice déjà importée (même URN) reste telle quelle si le fichier n’a pas changé ; sinon elle est modifiée sur place, ou ajoutée comme nouvelle révision si des appréciations des risques l’utilisent.',
  file: 'Fichier de bibliothèque',
  clearFile: 'Retirer le fichier choisi',
  submit: 'Importer',
  done: 'Import terminé',
  summary:
    '{{created}} créées, {{updated}} modifiées sur place, {{revised}} ajoutées comme nouvelle révision, {{unchanged}} inchangées',
  problems: 'Problèmes trouvés dans le fichier',
};

export const de: typeof en = {
  open: 'YAML importieren',
  title: 'Risikomatrizen importieren',
  intro:
    'Laden Sie eine CISO-Assistant-Bibliothek (YAML) hoch. Ihre Risikomatrizen kommen in den Ordner. Eine bereits importierte Matrix (gleiche URN) bleibt unverändert, wenn sich die Datei nicht geändert hat; sonst wird sie direkt geändert oder, wenn Risikobeurteilungen sie nutzen, als neue Revision hinzugefügt.',
  file: 'Bibliotheksdatei',
  clearFile: 'Gewählte Datei entfernen',
  submit: 'Importieren',
  done: 'Import abgeschlossen',
  summary:
    '{{created}} angelegt, {{updated}} direkt geändert, {{revised}} als neue Revision hinzugefügt, {{unchanged}} unverändert',
  problems: 'In der Datei gefundene Probleme',
};

export const nl: typeof en = {
  open: 'YAML importeren',
  title: 'Risicomatrices importeren',
  intro:
    'Upload een CISO Assistant-bibliotheek (YAML). De risicomatrices ervan komen in de map. Een al geïmporteerde matrix (zelfde URN) blijft ongemoeid als het bestand niet veranderd is; anders wordt ze ter plaatse gewijzigd, of als nieuwe revisie toegevoegd als risicobeoordelingen haar gebruiken.',
  file: 'Bibliotheekbestand',
  clearFile: 'Gekozen bestand verwijderen',
  submit: 'Importeren',
  done: 'Import voltooid',
  summary:
    '{{created}} aangemaakt, {{updated}} ter plaatse gewijzigd, {{revised}} als nieuwe revisie toegevoegd, {{unchanged}} ongewijzigd',
  problems: 'Problemen in het bestand',
};
