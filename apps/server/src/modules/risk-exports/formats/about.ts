import { FORMAT_VERSION, pointName } from '../columns.js';
import type { RiskHeader } from '../register-lookups.js';

/** The facts every file states about the assessment, as label/value pairs, in one order. */
export function aboutEntries(header: RiskHeader, exportedAt: Date): [string, string | number][] {
  const def = header.matrix.definition;
  return [
    ['Risk assessment', header.name],
    ['Risk assessment ID', header.id],
    ['Reference', header.refId ?? ''],
    ['Description', header.description ?? ''],
    ['Organisation', header.organizationName],
    ['Assessment version', header.assessmentVersion ?? ''],
    ['Status', header.status.replace(/_/g, ' ')],
    ['Due date', header.dueDate ?? ''],
    ['Risk matrix', `${header.matrix.name} (revision ${header.matrix.revision})`],
    [
      'Risk tolerance',
      header.riskToleranceLevel === null ? 'none' : pointName(def.risk, header.riskToleranceLevel) || 'none',
    ],
    ['Authors', header.authors.join(', ')],
    ['Reviewers', header.reviewers.join(', ')],
    ['Record version', header.version],
    ['Exported at', exportedAt.toISOString()],
    ['File format version', FORMAT_VERSION],
  ];
}
