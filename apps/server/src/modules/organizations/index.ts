// The public face of the organizations module: what other modules may use (see docs/ARCHITECTURE.md).
export { createOrganization, getOrganization, listOrganizationsOfUser } from './service.js';
export { memberships, organizations } from './tables.js';
