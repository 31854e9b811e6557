/** Query keys of audit events: the audit page's list, and one object's history. */
export const auditKeys = {
  all: ['audit-events'] as const,
  list: (filters: object) => [...auditKeys.all, filters] as const,
  object: (objectId: string, version: number | string | null | undefined) =>
    [...auditKeys.all, 'object', objectId, version] as const,
};
