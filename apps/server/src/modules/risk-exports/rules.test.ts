import { describe, expect, it } from 'vitest';
import type { ColumnKey } from './columns.js';
import { planImport } from './import/plan.js';
import type { ImportTable } from './import/read-sheet.js';
import { scaleIndex, splitList } from './import/resolve.js';
import type { ScenarioRecord } from './register-lookups.js';
import { heatMaps, summarise, textColourOn, treatmentPlan } from './summary.js';
import { matrix3x3 } from './testing.js';

const unrated = { probability: -1, impact: -1, level: -1 };
const scenario = (over: Partial<ScenarioRecord> & { id: string; name: string }): ScenarioRecord => ({
  refId: null,
  description: null,
  vulnerabilities: null,
  existingControlsText: null,
  inherent: unrated,
  current: unrated,
  residual: unrated,
  treatment: 'open',
  owner: null,
  strengthOfKnowledge: null,
  justification: null,
  threats: [],
  assets: [],
  existingControls: [],
  plannedControls: [],
  flagged: false,
  ...over,
});
const table = (rows: Partial<Record<ColumnKey, string>>[], present: ColumnKey[] = ['ref_id', 'name']): ImportTable => ({
  sheet: 'Scenarios',
  present: new Set(present),
  rows: rows.map((cells, i) => ({ row: i + 2, cells })),
});
const noRefs = { threats: [], assets: [], controls: [], members: [] };

describe('rating cells', () => {
  it('accept a name or abbreviation in any case, or the 1-based number; empty is not rated', () => {
    expect(scaleIndex(matrix3x3.probability, 'medium')).toBe(1);
    expect(scaleIndex(matrix3x3.probability, ' H ')).toBe(2);
    expect(scaleIndex(matrix3x3.probability, '1')).toBe(0);
    expect(scaleIndex(matrix3x3.probability, '')).toBe(-1);
    expect(scaleIndex(matrix3x3.probability, '4')).toBeNull();
    expect(scaleIndex(matrix3x3.probability, '0')).toBeNull();
    expect(scaleIndex(matrix3x3.impact, 'Huge')).toBeNull();
  });

  it('list cells split on ";" and line breaks, without blanks or repeats', () => {
    expect(splitList('T-1; Phishing;;\nT-1 ')).toEqual(['T-1', 'Phishing']);
  });
});

describe('matching rows to scenarios', () => {
  const existing = [
    scenario({ id: 's1', refId: 'R-1', name: 'One' }),
    scenario({ id: 's2', name: 'Two' }),
    scenario({ id: 's3', name: 'Twin' }),
    scenario({ id: 's4', name: 'Twin' }),
  ];

  it('by ref id; else by the name of a scenario without a ref id; else a new scenario', () => {
    const plan = planImport(
      table([
        { ref_id: 'R-1', name: 'One renamed' },
        { ref_id: 'R-2', name: 'two' },
        { ref_id: '', name: 'Three' },
      ]),
      matrix3x3,
      existing,
      noRefs,
    );
    expect(plan.errors).toEqual([]);
    expect(plan.rows.map((r) => [r.action, r.scenarioId, r.fields])).toEqual([
      ['update', 's1', ['name']],
      ['update', 's2', ['ref_id', 'name']],
      ['create', null, ['name']],
    ]);
  });

  it('ambiguous names, repeated rows and repeated ref ids are located errors', () => {
    const plan = planImport(
      table([
        { name: 'Twin' },
        { ref_id: 'R-1', name: 'One' },
        { ref_id: 'R-1', name: 'Again' },
        { name: 'Two' },
        { name: 'two' },
      ]),
      matrix3x3,
      existing,
      noRefs,
    );
    expect(plan.errors[1]?.message).toBe('This ref id is already on row 3');
    expect(plan.errors.map((e) => [e.row, e.column])).toEqual([
      [2, 'name'],
      [4, 'ref_id'],
      [6, 'name'],
    ]);
  });
});

describe('summaries', () => {
  const rated = [
    scenario({ id: 'a', name: 'A', current: { probability: 1, impact: 2, level: 2 }, flagged: true }),
    scenario({ id: 'b', name: 'B', current: { probability: 1, impact: 2, level: 2 }, treatment: 'mitigate' }),
    scenario({
      id: 'c',
      name: 'C',
      refId: 'C-1',
      plannedControls: [{ id: 'k', refId: null, name: 'MFA', status: 'to_do', eta: null }],
    }),
  ];

  it('heat maps count scenarios per cell and the unrated apart', () => {
    const [inherent, current] = heatMaps(matrix3x3, rated);
    expect(inherent?.notRated).toBe(3);
    expect(current?.counts).toEqual([
      [0, 0, 0],
      [0, 0, 2],
      [0, 0, 0],
    ]);
    expect(current?.notRated).toBe(1);
  });

  it('summary figures, treatment plan and readable text colours', () => {
    expect(summarise(matrix3x3, rated)).toEqual({
      scenarios: 3,
      flagged: 1,
      byTreatment: { open: 2, mitigate: 1 },
      byCurrentLevel: [0, 0, 2],
      currentNotRated: 1,
    });
    expect(treatmentPlan(rated)).toEqual([expect.objectContaining({ name: 'MFA', scenarios: ['C-1'] })]);
    expect(textColourOn('#C00000')).toBe('#FFFFFF');
    expect(textColourOn('#FFC000')).toBe('#000000');
  });
});
