import type { MatrixDefinition } from '../risk-matrices/index.js';
import type { Ref, ScenarioRecord } from './register-lookups.js';

export const SCENARIOS_SHEET = 'Scenarios';
export const HEAT_MAPS_SHEET = 'Heat maps';
export const MATRIX_SHEET = 'Matrix';
export const ABOUT_SHEET = 'About';
/** Bumped when the "Scenarios" layout changes in a way an older reader would misread. */
export const FORMAT_VERSION = '1';
/** Linked objects in one cell are separated by ";". */
export const LIST_SEPARATOR = '; ';

export const ratingKinds = ['inherent', 'current', 'residual'] as const;
export type RatingKind = (typeof ratingKinds)[number];

/** The "Scenarios" columns, in order; the header row holds these keys as they are. */
export const scenarioColumns = [
  { key: 'ref_id', width: 12 },
  { key: 'name', width: 36 },
  { key: 'description', width: 48 },
  { key: 'threats', width: 28 },
  { key: 'assets', width: 28 },
  { key: 'vulnerabilities', width: 36 },
  { key: 'existing_controls', width: 36 },
  { key: 'existing_applied_controls', width: 28 },
  { key: 'inherent_probability', width: 14 },
  { key: 'inherent_impact', width: 14 },
  { key: 'inherent_level', width: 14 },
  { key: 'current_probability', width: 14 },
  { key: 'current_impact', width: 14 },
  { key: 'current_level', width: 14 },
  { key: 'residual_probability', width: 14 },
  { key: 'residual_impact', width: 14 },
  { key: 'residual_level', width: 14 },
  { key: 'treatment', width: 12 },
  { key: 'owner', width: 28 },
  { key: 'strength_of_knowledge', width: 12 },
  { key: 'justification', width: 40 },
  { key: 'planned_controls', width: 28 },
  { key: 'flagged', width: 9 },
] as const;
export type ColumnKey = (typeof scenarioColumns)[number]['key'];
export const columnKeys: readonly ColumnKey[] = scenarioColumns.map((c) => c.key);
/** Written for the reader; the import computes them and ignores these cells. */
export const computedColumns: readonly ColumnKey[] = ['inherent_level', 'current_level', 'residual_level', 'flagged'];

export const columnNumber = (key: ColumnKey) => columnKeys.indexOf(key) + 1;

/** How a linked object is written: its ref id when it has one, else its name. */
export const refText = (ref: Ref) => ref.refId ?? ref.name;
export const listText = (refs: Ref[]) => refs.map(refText).join(LIST_SEPARATOR);

/** A scale point or level by name; empty when not rated. */
export const pointName = (scale: { name: string }[], index: number) => (index >= 0 ? (scale[index]?.name ?? '') : '');

/** One scenario as the cells of its row, keyed by column. */
export function scenarioCells(s: ScenarioRecord, def: MatrixDefinition): Record<ColumnKey, string> {
  return {
    ref_id: s.refId ?? '',
    name: s.name,
    description: s.description ?? '',
    threats: listText(s.threats),
    assets: listText(s.assets),
    vulnerabilities: s.vulnerabilities ?? '',
    existing_controls: s.existingControlsText ?? '',
    existing_applied_controls: listText(s.existingControls),
    inherent_probability: pointName(def.probability, s.inherent.probability),
    inherent_impact: pointName(def.impact, s.inherent.impact),
    inherent_level: pointName(def.risk, s.inherent.level),
    current_probability: pointName(def.probability, s.current.probability),
    current_impact: pointName(def.impact, s.current.impact),
    current_level: pointName(def.risk, s.current.level),
    residual_probability: pointName(def.probability, s.residual.probability),
    residual_impact: pointName(def.impact, s.residual.impact),
    residual_level: pointName(def.risk, s.residual.level),
    treatment: s.treatment,
    owner: s.owner?.email ?? '',
    strength_of_knowledge: s.strengthOfKnowledge ?? '',
    justification: s.justification ?? '',
    planned_controls: listText(s.plannedControls),
    flagged: s.flagged ? 'yes' : 'no',
  };
}
