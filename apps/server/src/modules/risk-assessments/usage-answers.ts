import { sql } from 'drizzle-orm';
import { answer } from '../../platform/usage.js';
import { riskMatrixUse } from '../risk-matrices/index.js';
import { closedUsageGuards } from './closed-usage.js';
import { folderContentsAnswers } from './folder-usage.js';
import { riskAssessments } from './tables.js';

/** What this module answers to the modules it builds on (see platform/usage.ts). */
export const riskAssessmentAnswers = [
  ...folderContentsAnswers,
  ...closedUsageGuards,
  // A matrix is in use while one of the organisation's risk assessments rates on it.
  answer(
    riskMatrixUse,
    ({ organizationId, matrixId }) => sql<number>`(select count(*)::int from ${riskAssessments} ra
      where ra.risk_matrix_id = ${matrixId} and ra.organization_id = ${organizationId})`,
  ),
];
