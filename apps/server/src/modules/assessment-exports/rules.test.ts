import { describe, expect, it } from 'vitest';
import { contentDisposition, downloadFileName } from './file-name.js';
import { derivedUuid, oscalControlId } from './formats/oscal-ids.js';
import { winAnsi } from './formats/pdf-text.js';
import { planImport } from './import/plan.js';
import type { ImportTable } from './import/read-table.js';
import { createResolver, splitLinks } from './import/references.js';
import type { ExportRow } from './load.js';

const row = (urn: string, assessment: Partial<NonNullable<ExportRow['assessment']>> | null): ExportRow => ({
  nodeId: urn,
  urn,
  refId: urn.toUpperCase(),
  name: urn,
  description: null,
  depth: 1,
  parentRefId: null,
  parentUrn: null,
  assessable: assessment !== null,
  extra: null,
  assessment: assessment && {
    id: `ra-${urn}`,
    status: 'to_do',
    result: 'not_assessed',
    score: null,
    isScored: false,
    observation: null,
    inferred: false,
    updatedAt: new Date(0),
    updatedAtText: '2026-01-01T10:00:00.123456Z',
    controls: [],
    evidence: [],
    ...assessment,
  },
});

const table = (
  rows: Record<string, string>[],
  present = [...new Set(rows.flatMap((r) => Object.keys(r)))],
): ImportTable => ({
  sheet: 'Requirements',
  format: 'xlsx',
  present: new Set(present) as ImportTable['present'],
  rows: rows.map((cells, i) => ({ row: i + 2, cells })),
});

const context = (rows: ExportRow[]) => ({
  rows,
  controls: [
    { id: 'c1', refId: 'CTL-1', name: 'Access policy', status: 'active' },
    { id: 'c2', refId: null, name: 'Backups', status: 'to_do' },
    { id: 'c3', refId: 'DUP', name: 'One', status: 'active' },
    { id: 'c4', refId: 'DUP', name: 'Two', status: 'active' },
  ],
  evidence: [{ id: 'e1', refId: null, name: 'Policy.pdf' }],
  scoreRange: { min: 0, max: 5 },
});

describe('planImport', () => {
  it('diffs values and links, accepts labels for enum values, ignores blank headings', () => {
    const plan = planImport(
      table([
        { urn: 'h', result: '' },
        {
          urn: 'a',
          status: 'In progress',
          result: 'Partially compliant',
          score: '3',
          controls: 'CTL-1\nbackups',
          evidence: '',
        },
        { urn: 'b', status: 'to_do', result: 'not_assessed', score: '', controls: '', evidence: '' },
      ]),
      context([row('h', null), row('a', { controls: [], evidence: [{ id: 'e1', name: 'Policy.pdf' }] }), row('b', {})]),
    );
    expect(plan.issues).toEqual([]);
    expect(plan).toMatchObject({ unchanged: 1, headings: 1 });
    expect(plan.changes).toHaveLength(1);
    expect(plan.changes[0]).toMatchObject({
      fields: ['status', 'result', 'score'],
      after: { status: 'in_progress', result: 'partially_compliant', score: 3 },
      controlsAdded: [{ id: 'c1' }, { id: 'c2' }],
      evidenceRemoved: [{ id: 'e1' }],
    });
  });

  it('reports out-of-range scores, ambiguous references and values on headings; plans nothing then', () => {
    const plan = planImport(
      table([
        { urn: 'a', score: '6', controls: 'DUP' },
        { urn: 'h', score: '1', controls: '' },
        { urn: 'a', score: '', controls: '' },
      ]),
      context([row('a', {}), row('h', null)]),
    );
    expect(plan.changes).toEqual([]);
    expect(plan.issues.map((i) => `${i.row}:${i.column}:${i.message}`)).toEqual([
      '2:Score:"6" is not a whole number from 0 to 5',
      '2:Applied controls:"DUP" matches 2 applied controls; use the exact "ref id — name"',
      '3:null:This row is a heading (or out of scope): it takes no assessment values',
      '4:Requirement URN:This requirement is already on row 2',
    ]);
  });

  it('a framework without a scoring scale takes no score (as the API), an empty cell is fine', () => {
    const plan = planImport(
      table([
        { urn: 'a', score: '0' },
        { urn: 'b', score: '' },
      ]),
      {
        ...context([row('a', {}), row('b', {})]),
        scoreRange: null,
      },
    );
    expect(plan.issues.map((i) => `${i.row}:${i.column}:${i.message}`)).toEqual([
      '2:Score:This framework has no scoring scale; leave the score empty',
    ]);
  });

  it('an uncounted stored score (is_scored false) is no change unless the Score cell says otherwise', () => {
    const stored = row('a', { score: 3, isScored: false });
    const plan = planImport(table([{ urn: 'a', score: '', observation: 'New note' }]), context([stored]));
    expect(plan.changes[0]?.fields).toEqual(['observation']);
  });

  it('a row the file changes whose stamp differs is a located conflict; same stamp, no stamp or no change is not', () => {
    const stamp = '2026-01-01T10:00:00.123456Z';
    const older = '2026-01-01T09:00:00.000001Z';
    const plan = planImport(
      table([
        { urn: 'a', result: 'compliant', updatedAt: older },
        { urn: 'b', result: 'compliant', updatedAt: stamp },
        { urn: 'c', result: 'compliant', updatedAt: '' },
        { urn: 'd', result: 'not_assessed', updatedAt: older },
      ]),
      context([row('a', {}), row('b', {}), row('c', {}), row('d', {})]),
    );
    expect(plan.issues).toEqual([]);
    expect(plan.changes).toHaveLength(3);
    expect(plan.conflicts).toEqual([
      {
        sheet: 'Requirements',
        row: 2,
        column: 'Updated at',
        message: `Changed in Rampart at ${stamp}, after this file was exported (${older}); importing would overwrite that change`,
      },
    ]);
    const withoutColumn = planImport(table([{ urn: 'a', result: 'compliant' }]), context([row('a', {})]));
    expect(withoutColumn.conflicts).toEqual([]);
  });
});

describe('link cells', () => {
  const resolve = createResolver(context([]).controls, 'applied control', true);
  it('matches the exported label, a ref id or a name; splits lines, then semicolons when needed', () => {
    expect(splitLinks('CTL-1 — Access policy\nBackups', resolve)).toEqual([
      { found: expect.objectContaining({ id: 'c1' }) },
      { found: expect.objectContaining({ id: 'c2' }) },
    ]);
    expect(splitLinks('ctl-1; backups', resolve).map((r) => ('found' in r ? r.found.id : r.problem))).toEqual([
      'c1',
      'c2',
    ]);
    expect(splitLinks('DUP — Two', resolve)).toEqual([{ found: expect.objectContaining({ id: 'c4' }) }]);
    expect(splitLinks('Nope', resolve)).toEqual([{ problem: 'Unknown applied control "Nope"' }]);
  });
});

describe('download names, OSCAL ids, PDF text', () => {
  it('makes a safe ASCII file name and keeps the original in filename*', () => {
    expect(downloadFileName('ISO 27001: Revue / "2026"', 'SoA', 'pdf')).toBe('ISO-27001-Revue-2026-SoA.pdf');
    expect(downloadFileName('Évaluation été', '', 'csv')).toBe('Evaluation-ete.csv');
    expect(downloadFileName('///', '', 'xlsx')).toBe('assessment.xlsx');
    expect(contentDisposition('a\r\nb', '', 'csv')).not.toMatch(/[\r\n]/);
    expect(contentDisposition('Été', 'SoA', 'pdf')).toContain("filename*=UTF-8''%C3%89t%C3%A9%20-%20SoA.pdf");
  });

  it('uses the OSCAL id when the requirement came from OSCAL, a token from its ref id otherwise', () => {
    expect(oscalControlId({ refId: 'AC-2(1)', urn: 'u', extra: { oscalId: 'ac-2.1' } })).toBe('ac-2.1');
    expect(oscalControlId({ refId: 'A.5.1', urn: 'u', extra: null })).toBe('a.5.1');
    expect(oscalControlId({ refId: '5.1', urn: 'u', extra: null })).toBe('n-5.1');
    expect(derivedUuid('a', 'b')).toBe(derivedUuid('a', 'b'));
    expect(derivedUuid('a', 'b')).not.toBe(derivedUuid('a', 'c'));
  });

  it('keeps WinAnsi text and replaces what the built-in PDF fonts cannot draw', () => {
    expect(winAnsi('Café — “ok” €\tx')).toBe('Café — “ok” € x');
    expect(winAnsi('日本 ✓')).toBe('?? ?');
  });
});
