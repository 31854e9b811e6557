// The public face of the access module: what other modules may use (see docs/ARCHITECTURE.md).

export type { Access } from './access.js';
export { accessFor, hasOrganizationAccess } from './access.js';
export type { Person } from './people.js';
export { isPersonOf, memberCan, peopleAmong, peopleNamed, peopleOf, personsByIds } from './people.js';
export type { Permission } from './permissions-catalog.js';
export { assertOwnerRemains } from './policy.js';
export { readableOr404 } from './readable.js';
export { accessSummaries, removeUserAccess, requireOutranks } from './subjects.js';
export { roleBindings, roles } from './tables.js';
