import { sql } from 'drizzle-orm';
import { riskAssessments } from '../risk-assessments/tables.js';
import { riskMatrices } from './tables.js';

// risk_assessments is owned by the risk-assessments module; read here only to count the users of a matrix.

/** How many of the organisation's risk assessments use the matrix row (an SQL expression per row). */
export const inUseCount = (organizationId: string) =>
  sql<number>`(select count(*)::int from ${riskAssessments} ra
    where ra.risk_matrix_id = ${riskMatrices.id} and ra.organization_id = ${organizationId})`;
