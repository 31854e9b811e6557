// The public face of the audit module: what other modules may use (see docs/ARCHITECTURE.md).

export type { AuditContext } from './record.js';
export { auditContextOf, createdFields, diffFields, recordAudit, setChange, systemContext } from './record.js';
export { type AuditedEvent, deleteAudited, updateAudited } from './versioned-write.js';
