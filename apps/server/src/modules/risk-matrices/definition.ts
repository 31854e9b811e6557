import { z } from 'zod';

/**
 * A risk matrix as data: a probability scale, an impact scale, the risk levels (with colours), and the grid that
 * maps each (probability, impact) pair to a risk level. Scales and levels are ordered lowest first; every
 * reference into them is an index, and -1 means "not rated" wherever a rating is stored.
 */
export const NOT_RATED = -1;
export const MIN_SCALE = 2;
export const MAX_SCALE = 6;
export const MAX_RISK_LEVELS = 10;

const scalePointSchema = z.strictObject({
  abbreviation: z.string().trim().min(1).max(10),
  name: z.string().trim().min(1).max(100),
  description: z.string().max(2000).nullish(),
});

const riskLevelSchema = scalePointSchema.extend({
  color: z
    .string()
    .trim()
    .regex(/^#[0-9a-fA-F]{6}$/, 'a colour such as #ff0000'),
});

export const matrixDefinitionSchema = z
  .strictObject({
    probability: z.array(scalePointSchema).min(MIN_SCALE).max(MAX_SCALE),
    impact: z.array(scalePointSchema).min(MIN_SCALE).max(MAX_SCALE),
    risk: z.array(riskLevelSchema).min(2).max(MAX_RISK_LEVELS),
    /** `grid[probability][impact]` is the index of a risk level. */
    grid: z
      .array(
        z
          .array(
            z
              .int()
              .min(0)
              .max(MAX_RISK_LEVELS - 1),
          )
          .max(MAX_SCALE),
      )
      .max(MAX_SCALE),
  })
  .superRefine((def, ctx) => {
    if (def.grid.length !== def.probability.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['grid'],
        message: `the grid needs one row per probability (${def.probability.length}), it has ${def.grid.length}`,
      });
    }
    def.grid.forEach((row, p) => {
      if (row.length !== def.impact.length) {
        ctx.addIssue({
          code: 'custom',
          path: ['grid', p],
          message: `each row needs one cell per impact (${def.impact.length}), this one has ${row.length}`,
        });
      }
      row.forEach((level, i) => {
        if (level >= def.risk.length) {
          ctx.addIssue({
            code: 'custom',
            path: ['grid', p, i],
            message: `risk level ${level} does not exist (the matrix has ${def.risk.length})`,
          });
        }
      });
    });
  });

export type MatrixDefinition = z.infer<typeof matrixDefinitionSchema>;

/** The risk level of a (probability, impact) rating; NOT_RATED unless both are rated and on the scales. */
export function riskLevelOf(def: MatrixDefinition, probability: number, impact: number): number {
  if (probability < 0 || impact < 0) return NOT_RATED;
  const level = def.grid[probability]?.[impact];
  return level ?? NOT_RATED;
}

/** Whether a rating (probability or impact index) fits the matrix's scale; NOT_RATED always fits. */
export function fitsScale(scale: readonly unknown[], value: number): boolean {
  return value === NOT_RATED || (Number.isInteger(value) && value >= 0 && value < scale.length);
}

/** A level above the tolerance is flagged. No tolerance, or no rating, flags nothing. */
export function exceedsTolerance(level: number, tolerance: number | null | undefined): boolean {
  return tolerance != null && level !== NOT_RATED && level > tolerance;
}

/**
 * A canonical text of a definition, for "is this the same matrix?" checks: stored JSONB reorders keys and an
 * absent description reads back as missing or null, neither of which is a change.
 */
export function canonicalDefinition(def: MatrixDefinition): string {
  const point = (p: { abbreviation: string; name: string; description?: string | null }) => [
    p.abbreviation,
    p.name,
    p.description ?? null,
  ];
  return JSON.stringify({
    probability: def.probability.map(point),
    impact: def.impact.map(point),
    risk: def.risk.map((r) => [...point(r), r.color.toLowerCase()]),
    grid: def.grid,
  });
}

export const sameDefinition = (a: MatrixDefinition, b: MatrixDefinition) =>
  canonicalDefinition(a) === canonicalDefinition(b);
