import { riskTreatments, strengthOfKnowledgeValues } from '../../risk-assessments/index.js';
import type { MatrixDefinition } from '../../risk-matrices/index.js';
import { type ColumnKey, ratingKinds } from '../columns.js';
import type { ImportReferences } from '../reference-lookups.js';
import type { ScenarioRecord } from '../register-lookups.js';
import type { ImportTable, LocatedError } from './read-sheet.js';
import { createResolver, scaleIndex, splitList } from './resolve.js';
import {
  blankValues,
  changedColumns,
  type ScenarioValues,
  type StrengthOfKnowledge,
  type Treatment,
  valuesOf,
} from './values.js';

export type RowAction = 'create' | 'update' | 'unchanged';

/** What the import does with one row of the sheet. */
export interface PlannedRow {
  row: number;
  action: RowAction;
  /** The matched scenario; null for a row that creates one. */
  scenarioId: string | null;
  before: ScenarioValues | null;
  after: ScenarioValues;
  /** Columns whose value changes (for a new scenario: the columns it fills). */
  fields: ColumnKey[];
}

export interface ImportPlan {
  rows: PlannedRow[];
  errors: LocatedError[];
}

const textLimits: [
  ColumnKey,
  'refId' | 'description' | 'vulnerabilities' | 'existingControlsText' | 'justification',
  number,
][] = [
  ['ref_id', 'refId', 100],
  ['description', 'description', 100_000],
  ['vulnerabilities', 'vulnerabilities', 100_000],
  ['existing_controls', 'existingControlsText', 100_000],
  ['justification', 'justification', 100_000],
];
const token = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
const lower = (text: string | null | undefined) => text?.trim().toLowerCase() ?? '';

/**
 * Compares the sheet with the register and says, row by row, what would be created, updated or left alone, or
 * every problem found with its row and column. Rows with a ref id match the scenario with that ref id (else a
 * scenario of that name that has no ref id yet); rows without one match by name. Pure.
 */
export function planImport(
  table: ImportTable,
  def: MatrixDefinition,
  scenarios: ScenarioRecord[],
  refs: ImportReferences,
): ImportPlan {
  const errors: LocatedError[] = [];
  const rows: PlannedRow[] = [];
  const group = (key: (s: ScenarioRecord) => string) => {
    const map = new Map<string, ScenarioRecord[]>();
    for (const s of scenarios) {
      const k = key(s);
      if (k) map.set(k, [...(map.get(k) ?? []), s]);
    }
    return map;
  };
  const byRef = group((s) => lower(s.refId));
  const byName = group((s) => lower(s.name));
  const resolvers = {
    threats: createResolver(refs.threats, 'threat'),
    assets: createResolver(refs.assets, 'asset'),
    existing_applied_controls: createResolver(refs.controls, 'applied control'),
    planned_controls: createResolver(refs.controls, 'applied control'),
  } as const;
  const members = new Map(refs.members.map((m) => [lower(m.email), m.id]));
  const matchedOn = new Map<string, number>();
  const refOn = new Map<string, number>();
  const nameOn = new Map<string, number>();

  for (const { row, cells } of table.rows) {
    const before = errors.length;
    const error = (column: ColumnKey | null, message: string) => errors.push({ row, column, message });
    const has = (key: ColumnKey) => table.present.has(key);
    const name = cells.name ?? '';
    if (name === '') error('name', 'The name is empty');
    else if (name.length > 300) error('name', 'The name is longer than 300 characters');
    const refKey = lower(cells.ref_id);

    // Which scenario the row is about.
    let target: ScenarioRecord | undefined;
    const earlierRef = refKey ? refOn.get(refKey) : undefined;
    const earlierName = !refKey && name ? nameOn.get(lower(name)) : undefined;
    if (earlierRef !== undefined) error('ref_id', `This ref id is already on row ${earlierRef}`);
    else if (earlierName !== undefined) {
      error('name', `A scenario of this name is already on row ${earlierName}; give it a ref id`);
    } else if (refKey) {
      refOn.set(refKey, row);
      const candidates = byRef.get(refKey) ?? (byName.get(lower(name)) ?? []).filter((s) => !s.refId);
      if (candidates.length > 1) error('ref_id', `${candidates.length} scenarios match "${cells.ref_id}"`);
      else target = candidates[0];
    } else if (name) {
      nameOn.set(lower(name), row);
      const candidates = byName.get(lower(name)) ?? [];
      if (candidates.length > 1) {
        error('name', `${candidates.length} scenarios are named "${name}"; add the ref id to tell them apart`);
      } else target = candidates[0];
    }
    if (target) {
      const earlier = matchedOn.get(target.id);
      if (earlier !== undefined) error(refKey ? 'ref_id' : 'name', `This scenario is already on row ${earlier}`);
      matchedOn.set(target.id, row);
    }

    const original = target ? valuesOf(target) : null;
    const after: ScenarioValues = original ? { ...original } : blankValues(name);
    if (name) after.name = name;
    for (const [column, field, max] of textLimits) {
      if (!has(column)) continue;
      const text = cells[column] ?? '';
      if (text.length > max) error(column, `Longer than ${max.toLocaleString('en')} characters`);
      else after[field] = text === '' ? null : text;
    }
    for (const kind of ratingKinds) {
      for (const axis of ['probability', 'impact'] as const) {
        const column: ColumnKey = `${kind}_${axis}`;
        if (!has(column)) continue;
        const text = cells[column] ?? '';
        const index = scaleIndex(def[axis], text);
        const field = `${kind}${axis === 'probability' ? 'Probability' : 'Impact'}` as const;
        if (index === null) {
          const names = def[axis].map((p) => p.name).join(', ');
          error(column, `"${text}" is not a ${axis} of the matrix (${names}, or 1 to ${def[axis].length})`);
        } else after[field] = index;
      }
    }
    if (has('treatment')) {
      const value = cells.treatment ? token(cells.treatment) : 'open';
      if ((riskTreatments as readonly string[]).includes(value)) after.treatment = value as Treatment;
      else error('treatment', `"${cells.treatment}" is not a treatment (${riskTreatments.join(', ')})`);
    }
    if (has('strength_of_knowledge')) {
      const value = token(cells.strength_of_knowledge ?? '');
      if (value === '') after.strengthOfKnowledge = null;
      else if ((strengthOfKnowledgeValues as readonly string[]).includes(value)) {
        after.strengthOfKnowledge = value as StrengthOfKnowledge;
      } else {
        error(
          'strength_of_knowledge',
          `"${cells.strength_of_knowledge}" is not a strength of knowledge (${strengthOfKnowledgeValues.join(', ')})`,
        );
      }
    }
    if (has('owner')) {
      const email = lower(cells.owner);
      const id = email ? members.get(email) : null;
      if (id === undefined) error('owner', `"${cells.owner}" is not the e-mail of a member of the organisation`);
      else after.ownerId = id;
    }
    const linkFields = {
      threats: 'threatIds',
      assets: 'assetIds',
      existing_applied_controls: 'existingControlIds',
      planned_controls: 'plannedControlIds',
    } as const;
    for (const [column, field] of Object.entries(linkFields) as [keyof typeof linkFields, ScenarioValuesLink][]) {
      if (!has(column)) continue;
      const found = new Set<string>();
      for (const entry of splitList(cells[column] ?? '')) {
        const resolved = resolvers[column](entry);
        if ('problem' in resolved) error(column, resolved.problem);
        else found.add(resolved.id);
      }
      after[field] = [...found].sort();
    }
    if (errors.length > before) continue;

    const fields = changedColumns(original ?? blankValues(''), after);
    rows.push({
      row,
      action: !original ? 'create' : fields.length > 0 ? 'update' : 'unchanged',
      scenarioId: target?.id ?? null,
      before: original,
      after,
      fields,
    });
  }
  return { rows, errors };
}

type ScenarioValuesLink = 'threatIds' | 'assetIds' | 'existingControlIds' | 'plannedControlIds';
