// The public face of the users module: what other modules may use (see docs/ARCHITECTURE.md).
export { displayNameSchema, emailSchema, personSchema, userSummarySchema } from './contracts.js';
export { countUsers, findUserByEmail, findUserById, insertUser } from './queries.js';
export { users } from './tables.js';
