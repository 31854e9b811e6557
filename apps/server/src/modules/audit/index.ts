// The public face of the audit module: what other modules may use (see docs/ARCHITECTURE.md).

export type { AuditContext } from './record.js';
export { auditContextOf, createdFields, diffFields, recordAudit, systemContext } from './record.js';
