import type { ModuleDefinition } from '../../platform/context.js';

// Placeholder while the module is being built; its routes land here.
export const overviewModule: ModuleDefinition = {
  name: 'overview',
  register() {},
};
