import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { type UsageHooks, usageQuestion } from '../../platform/usage.js';
import { riskMatrices } from './tables.js';

/**
 * "How many of the organisation's objects rate on this matrix row?" Answered by each module that refers to
 * matrices with an SQL count correlated to `matrixId`; their sum is a matrix's `inUse` (an in-use matrix cannot
 * be edited or deleted, only revised).
 */
export const riskMatrixUse = usageQuestion<{ organizationId: string; matrixId: AnyPgColumn }, SQL<number>>(
  'risk-matrices.use',
);

/** The `inUse` expression of a matrix row, per organisation. */
export type MatrixUseCount = (organizationId: string) => SQL<number>;

export function matrixUseCount(usage: UsageHooks): MatrixUseCount {
  return (organizationId) => {
    const counts = usage.ask(riskMatrixUse, { organizationId, matrixId: riskMatrices.id });
    if (counts.length === 0) return sql<number>`0`;
    return sql<number>`(${sql.join(counts, sql` + `)})`;
  };
}
