/** The scenario history's sentences (namespace `scenarioHistory`); field and rating names come from riskAssessments. */
export const en = {
  actions: {
    created: 'Created',
    updated: 'Edited',
    deleted: 'Deleted',
    re_rated: 'Moved onto another matrix',
    imported: 'Imported from a workbook',
    linksChanged: '{{links}} changed',
  },
  rating: '{{kind}} rating',
  linkCounts: '{{added}} linked, {{removed}} unlinked',
  changed: 'changed',
  cleared: 'removed',
  importedFrom: '{{file}}, row {{row}}',
  importResult: {
    created: 'created',
    updated_one: 'updated ({{count}} column)',
    updated_other: 'updated ({{count}} columns)',
  },
};

export const fr: typeof en = {
  actions: {
    created: 'Création',
    updated: 'Modification',
    deleted: 'Suppression',
    re_rated: 'Passage à une autre matrice',
    imported: 'Import depuis un classeur',
    linksChanged: '{{links}} modifiés',
  },
  rating: 'Cotation {{kind}}',
  linkCounts: '{{added}} lié(s), {{removed}} délié(s)',
  changed: 'modifié',
  cleared: 'retiré',
  importedFrom: '{{file}}, ligne {{row}}',
  importResult: {
    created: 'créé',
    updated_one: 'mis à jour ({{count}} colonne)',
    updated_other: 'mis à jour ({{count}} colonnes)',
  },
};

export const de: typeof en = {
  actions: {
    created: 'Angelegt',
    updated: 'Bearbeitet',
    deleted: 'Gelöscht',
    re_rated: 'Auf eine andere Matrix übertragen',
    imported: 'Aus einer Arbeitsmappe importiert',
    linksChanged: '{{links}} geändert',
  },
  rating: 'Bewertung {{kind}}',
  linkCounts: '{{added}} verknüpft, {{removed}} entfernt',
  changed: 'geändert',
  cleared: 'entfernt',
  importedFrom: '{{file}}, Zeile {{row}}',
  importResult: {
    created: 'angelegt',
    updated_one: 'aktualisiert ({{count}} Spalte)',
    updated_other: 'aktualisiert ({{count}} Spalten)',
  },
};

export const nl: typeof en = {
  actions: {
    created: 'Aangemaakt',
    updated: 'Bewerkt',
    deleted: 'Verwijderd',
    re_rated: 'Naar een andere matrix overgezet',
    imported: 'Geïmporteerd uit een werkmap',
    linksChanged: '{{links}} gewijzigd',
  },
  rating: 'Beoordeling {{kind}}',
  linkCounts: '{{added}} gekoppeld, {{removed}} ontkoppeld',
  changed: 'gewijzigd',
  cleared: 'verwijderd',
  importedFrom: '{{file}}, rij {{row}}',
  importResult: {
    created: 'aangemaakt',
    updated_one: 'bijgewerkt ({{count}} kolom)',
    updated_other: 'bijgewerkt ({{count}} kolommen)',
  },
};
