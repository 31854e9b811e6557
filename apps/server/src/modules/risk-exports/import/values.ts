import type { riskTreatments, strengthOfKnowledgeValues } from '../../risk-assessments/index.js';
import type { ColumnKey } from '../columns.js';
import type { ScenarioRecord } from '../register-lookups.js';

export type Treatment = (typeof riskTreatments)[number];
export type StrengthOfKnowledge = (typeof strengthOfKnowledgeValues)[number];

/** What an import writes on a scenario (levels are computed from the ratings when written). */
export interface ScenarioValues {
  refId: string | null;
  name: string;
  description: string | null;
  vulnerabilities: string | null;
  existingControlsText: string | null;
  inherentProbability: number;
  inherentImpact: number;
  currentProbability: number;
  currentImpact: number;
  residualProbability: number;
  residualImpact: number;
  treatment: Treatment;
  ownerId: string | null;
  strengthOfKnowledge: StrengthOfKnowledge | null;
  justification: string | null;
  /** Sorted ids of the linked objects the caller may read (others are neither shown nor touched). */
  threatIds: string[];
  assetIds: string[];
  existingControlIds: string[];
  plannedControlIds: string[];
}

/** Which value each column sets. */
export const fieldOfColumn: Partial<Record<ColumnKey, keyof ScenarioValues>> = {
  ref_id: 'refId',
  name: 'name',
  description: 'description',
  threats: 'threatIds',
  assets: 'assetIds',
  vulnerabilities: 'vulnerabilities',
  existing_controls: 'existingControlsText',
  existing_applied_controls: 'existingControlIds',
  inherent_probability: 'inherentProbability',
  inherent_impact: 'inherentImpact',
  current_probability: 'currentProbability',
  current_impact: 'currentImpact',
  residual_probability: 'residualProbability',
  residual_impact: 'residualImpact',
  treatment: 'treatment',
  owner: 'ownerId',
  strength_of_knowledge: 'strengthOfKnowledge',
  justification: 'justification',
  planned_controls: 'plannedControlIds',
};

const ids = (refs: { id: string }[]) => refs.map((r) => r.id).sort();

export function valuesOf(s: ScenarioRecord): ScenarioValues {
  return {
    refId: s.refId,
    name: s.name,
    description: s.description,
    vulnerabilities: s.vulnerabilities,
    existingControlsText: s.existingControlsText,
    inherentProbability: s.inherent.probability,
    inherentImpact: s.inherent.impact,
    currentProbability: s.current.probability,
    currentImpact: s.current.impact,
    residualProbability: s.residual.probability,
    residualImpact: s.residual.impact,
    treatment: s.treatment as Treatment,
    ownerId: s.owner?.id ?? null,
    strengthOfKnowledge: s.strengthOfKnowledge as StrengthOfKnowledge | null,
    justification: s.justification,
    threatIds: ids(s.threats),
    assetIds: ids(s.assets),
    existingControlIds: ids(s.existingControls),
    plannedControlIds: ids(s.plannedControls),
  };
}

export const blankValues = (name: string): ScenarioValues => ({
  refId: null,
  name,
  description: null,
  vulnerabilities: null,
  existingControlsText: null,
  inherentProbability: -1,
  inherentImpact: -1,
  currentProbability: -1,
  currentImpact: -1,
  residualProbability: -1,
  residualImpact: -1,
  treatment: 'open',
  ownerId: null,
  strengthOfKnowledge: null,
  justification: null,
  threatIds: [],
  assetIds: [],
  existingControlIds: [],
  plannedControlIds: [],
});

const same = (a: unknown, b: unknown) =>
  Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((x, i) => x === b[i]) : a === b;

/** The columns whose value differs between two states of a scenario, in column order. */
export function changedColumns(before: ScenarioValues, after: ScenarioValues): ColumnKey[] {
  return (Object.entries(fieldOfColumn) as [ColumnKey, keyof ScenarioValues][])
    .filter(([, field]) => !same(before[field], after[field]))
    .map(([column]) => column);
}
