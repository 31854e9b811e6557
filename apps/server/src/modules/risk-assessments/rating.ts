import { AppError, type FieldError } from '../../platform/errors.js';
import { fitsScale, type MatrixDefinition, NOT_RATED, riskLevelOf } from '../risk-matrices/index.js';

/** The three ratings of a scenario: before any control, with the controls in place, after the planned ones. */
export const ratingKinds = ['inherent', 'current', 'residual'] as const;
export type RatingKind = (typeof ratingKinds)[number];

export interface Rating {
  probability: number;
  impact: number;
  level: number;
}
export type Ratings = Record<RatingKind, Rating>;
export type RatingsPatch = Partial<Record<RatingKind, { probability?: number; impact?: number }>>;

/** The nine stored columns of a scenario, as read from its row. */
export interface RatingColumns {
  inherentProbability: number;
  inherentImpact: number;
  inherentLevel: number;
  currentProbability: number;
  currentImpact: number;
  currentLevel: number;
  residualProbability: number;
  residualImpact: number;
  residualLevel: number;
}

export const ratingsOf = (row: RatingColumns): Ratings => ({
  inherent: { probability: row.inherentProbability, impact: row.inherentImpact, level: row.inherentLevel },
  current: { probability: row.currentProbability, impact: row.currentImpact, level: row.currentLevel },
  residual: { probability: row.residualProbability, impact: row.residualImpact, level: row.residualLevel },
});

export const columnsOf = (ratings: Ratings): RatingColumns => ({
  inherentProbability: ratings.inherent.probability,
  inherentImpact: ratings.inherent.impact,
  inherentLevel: ratings.inherent.level,
  currentProbability: ratings.current.probability,
  currentImpact: ratings.current.impact,
  currentLevel: ratings.current.level,
  residualProbability: ratings.residual.probability,
  residualImpact: ratings.residual.impact,
  residualLevel: ratings.residual.level,
});

export const unrated = (): Ratings => ({
  inherent: { probability: NOT_RATED, impact: NOT_RATED, level: NOT_RATED },
  current: { probability: NOT_RATED, impact: NOT_RATED, level: NOT_RATED },
  residual: { probability: NOT_RATED, impact: NOT_RATED, level: NOT_RATED },
});

/**
 * Merges a partial ratings change into the stored ratings, checks every index against the matrix scales and
 * recomputes the three levels. Throws one 400 naming each offending field (`body.current.impact`, ...).
 */
export function applyRatings(def: MatrixDefinition, before: Ratings, patch: RatingsPatch | undefined): Ratings {
  const errors: FieldError[] = [];
  const next = {} as Ratings;
  for (const kind of ratingKinds) {
    const change = patch?.[kind];
    const probability = change?.probability ?? before[kind].probability;
    const impact = change?.impact ?? before[kind].impact;
    if (change?.probability !== undefined && !fitsScale(def.probability, probability)) {
      errors.push({
        field: `body.${kind}.probability`,
        message: `Not a point of the matrix's probability scale (0 to ${def.probability.length - 1}, or -1)`,
      });
    }
    if (change?.impact !== undefined && !fitsScale(def.impact, impact)) {
      errors.push({
        field: `body.${kind}.impact`,
        message: `Not a point of the matrix's impact scale (0 to ${def.impact.length - 1}, or -1)`,
      });
    }
    next[kind] = { probability, impact, level: riskLevelOf(def, probability, impact) };
  }
  if (errors.length > 0) throw new AppError('validation_failed', 'The request is not valid', errors);
  return next;
}

/** Whether any of the six indexes is rated (a matrix can then no longer be swapped without re-rating). */
export const isRated = (row: RatingColumns) =>
  [
    row.inherentProbability,
    row.inherentImpact,
    row.currentProbability,
    row.currentImpact,
    row.residualProbability,
    row.residualImpact,
  ].some((v) => v !== NOT_RATED);

/** A tolerance is the index of a risk level of the matrix, or null (nothing is flagged). */
export function checkTolerance(def: MatrixDefinition, tolerance: number | null | undefined, field: string) {
  if (tolerance == null) return;
  if (!Number.isInteger(tolerance) || tolerance < 0 || tolerance >= def.risk.length) {
    throw new AppError('validation_failed', 'The request is not valid', [
      { field, message: `Not a risk level of the matrix (0 to ${def.risk.length - 1}, or null)` },
    ]);
  }
}

export interface RerateMaps {
  probabilityMap: number[];
  impactMap: number[];
}

/**
 * Checks re-rating maps: one entry per point of the old scale (old index → new index), each landing on the new
 * scale. Every problem is reported with the index it concerns (`body.probabilityMap.3`).
 */
export function checkRerateMaps(from: MatrixDefinition, to: MatrixDefinition, maps: RerateMaps) {
  const errors: FieldError[] = [];
  const check = (name: 'probabilityMap' | 'impactMap', map: number[], oldSize: number, newSize: number) => {
    if (map.length !== oldSize) {
      errors.push({
        field: `body.${name}`,
        message: `Needs one entry per point of the old scale (${oldSize}), has ${map.length}`,
      });
    }
    map.forEach((target, index) => {
      if (index >= oldSize) return;
      if (!Number.isInteger(target) || target < 0 || target >= newSize) {
        errors.push({
          field: `body.${name}.${index}`,
          message: `Point ${index} maps to ${target}, outside the new scale (0 to ${newSize - 1})`,
        });
      }
    });
  };
  check('probabilityMap', maps.probabilityMap, from.probability.length, to.probability.length);
  check('impactMap', maps.impactMap, from.impact.length, to.impact.length);
  if (errors.length > 0) throw new AppError('validation_failed', 'The request is not valid', errors);
}

/** The ratings moved through the maps onto the new matrix, levels recomputed; unrated points stay unrated. */
export function rerate(to: MatrixDefinition, before: Ratings, maps: RerateMaps): Ratings {
  const move = (map: number[], value: number) => (value === NOT_RATED ? NOT_RATED : (map[value] ?? NOT_RATED));
  const next = {} as Ratings;
  for (const kind of ratingKinds) {
    const probability = move(maps.probabilityMap, before[kind].probability);
    const impact = move(maps.impactMap, before[kind].impact);
    next[kind] = { probability, impact, level: riskLevelOf(to, probability, impact) };
  }
  return next;
}

export const sameRatings = (a: Ratings, b: Ratings) =>
  ratingKinds.every(
    (k) => a[k].probability === b[k].probability && a[k].impact === b[k].impact && a[k].level === b[k].level,
  );

/**
 * The default map from a scale of `oldSize` points onto one of `newSize`: the same relative position, so the
 * lowest stays lowest and the highest stays highest. The UI proposes it; the server takes whatever is sent.
 */
export function proportionalMap(oldSize: number, newSize: number): number[] {
  if (oldSize <= 1) return Array.from({ length: oldSize }, () => 0);
  return Array.from({ length: oldSize }, (_, i) => Math.round((i * (newSize - 1)) / (oldSize - 1)));
}
