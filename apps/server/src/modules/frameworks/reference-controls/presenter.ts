import type { ReferenceControlSummaryDto } from './contracts.js';
import type { ReferenceControlSummaryRow } from './queries.js';

/** Shared by the reference-control endpoints and the requirement detail, which lists the node's controls. */
export const toReferenceControlSummary = (row: ReferenceControlSummaryRow): ReferenceControlSummaryDto => ({
  id: row.id,
  urn: row.urn,
  refId: row.refId,
  name: row.name,
  category: row.category,
  csfFunction: row.csfFunction,
  provider: row.provider,
  library: row.organizationId === null,
});
