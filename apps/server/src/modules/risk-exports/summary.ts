import type { MatrixDefinition } from '../risk-matrices/index.js';
import { type RatingKind, ratingKinds } from './columns.js';
import type { ControlRef, ScenarioRecord } from './register-lookups.js';

/** `counts[p][i]`: scenarios rated (p, i) for one rating kind; unrated ones are counted apart. */
export interface HeatMap {
  kind: RatingKind;
  counts: number[][];
  notRated: number;
}

export function heatMaps(def: MatrixDefinition, scenarios: ScenarioRecord[]): HeatMap[] {
  return ratingKinds.map((kind) => {
    const counts = def.probability.map(() => def.impact.map(() => 0));
    let notRated = 0;
    for (const s of scenarios) {
      const { probability, impact } = s[kind];
      const row = counts[probability];
      if (row && impact >= 0 && impact < row.length) row[impact] = (row[impact] ?? 0) + 1;
      else notRated++;
    }
    return { kind, counts, notRated };
  });
}

export interface RegisterSummary {
  scenarios: number;
  flagged: number;
  byTreatment: Record<string, number>;
  /** Per risk level of the matrix (same order), the scenarios whose current level it is. */
  byCurrentLevel: number[];
  currentNotRated: number;
}

export function summarise(def: MatrixDefinition, scenarios: ScenarioRecord[]): RegisterSummary {
  const byTreatment: Record<string, number> = {};
  const byCurrentLevel = def.risk.map(() => 0);
  let currentNotRated = 0;
  for (const s of scenarios) {
    byTreatment[s.treatment] = (byTreatment[s.treatment] ?? 0) + 1;
    if (s.current.level >= 0 && s.current.level < byCurrentLevel.length) {
      byCurrentLevel[s.current.level] = (byCurrentLevel[s.current.level] ?? 0) + 1;
    } else currentNotRated++;
  }
  return {
    scenarios: scenarios.length,
    flagged: scenarios.filter((s) => s.flagged).length,
    byTreatment,
    byCurrentLevel,
    currentNotRated,
  };
}

/** The treatment plan: each planned control once, with the scenarios it treats (by ref id or name). */
export function treatmentPlan(scenarios: ScenarioRecord[]): (ControlRef & { scenarios: string[] })[] {
  const plan = new Map<string, ControlRef & { scenarios: string[] }>();
  for (const s of scenarios) {
    for (const control of s.plannedControls) {
      const entry = plan.get(control.id) ?? { ...control, scenarios: [] };
      entry.scenarios.push(s.refId ?? s.name);
      plan.set(control.id, entry);
    }
  }
  // Soonest ETA first; controls without one last.
  return [...plan.values()].sort(
    (a, b) => (a.eta ?? '9999').localeCompare(b.eta ?? '9999') || (a.refId ?? a.name).localeCompare(b.refId ?? b.name),
  );
}

/** Black or white text, whichever reads better on a `#rrggbb` background. */
export function textColourOn(hex: string): '#000000' | '#FFFFFF' {
  const n = Number.parseInt(hex.slice(1), 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  return 0.299 * r + 0.587 * g + 0.114 * b > 150 ? '#000000' : '#FFFFFF';
}

export const argb = (hex: string) => `FF${hex.slice(1).toUpperCase()}`;
