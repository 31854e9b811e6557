// The whole schema, assembled from each module's tables. drizzle-kit reads this file to generate migrations.
export * from '../../modules/access/tables.js';
export * from '../../modules/api-tokens/tables.js';
export * from '../../modules/assessments/tables.js';
export * from '../../modules/audit/tables.js';
export * from '../../modules/auth/tables.js';
export * from '../../modules/controls/tables.js';
export * from '../../modules/evidence/tables.js';
export * from '../../modules/folders/tables.js';
export * from '../../modules/frameworks/tables.js';
export * from '../../modules/invitations/tables.js';
export * from '../../modules/organizations/tables.js';
export * from '../../modules/users/tables.js';
export * from '../jobs/tables.js';
export * from '../mail/tables.js';
export * from '../storage/tables.js';
