import type { ModuleDefinition } from '../../platform/context.js';
import { registerBindingRoutes } from './bindings/routes.js';
import { ensureBuiltinRoles } from './builtin-roles.js';
import { registerGroupRoutes } from './groups/routes.js';
import { registerRoleRoutes } from './roles/routes.js';

/** Access administration: roles, the permission catalogue, groups and role bindings. */
export const accessModule: ModuleDefinition = {
  name: 'access',
  prepare: ensureBuiltinRoles,
  register(app, ctx) {
    registerRoleRoutes(app, ctx);
    registerGroupRoutes(app, ctx);
    registerBindingRoutes(app, ctx);
  },
};
