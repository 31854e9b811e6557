// The public face of the evidence module: what other modules may use (see docs/ARCHITECTURE.md).
export {
  addEvidenceLinks,
  evidenceForLinking,
  evidenceOfControl,
  linkedEvidenceIds,
  removeEvidenceLinks,
} from './queries.js';
export { appliedControlEvidence, evidence, evidenceStatuses } from './tables.js';
export { evidenceDeletion } from './usage.js';
