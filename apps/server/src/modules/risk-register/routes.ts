import type { ModuleDefinition } from '../../platform/context.js';

// Scaffold: the routes of this module are being written.
export const riskRegisterModule: ModuleDefinition = {
  name: 'risk-register',
  register() {},
};
