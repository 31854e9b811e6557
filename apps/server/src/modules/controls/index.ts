// The public face of the controls module: what other modules may use (see docs/ARCHITECTURE.md).
export { appliedControlOwners, appliedControlStatuses, appliedControls } from './tables.js';
export { appliedControlDeletion } from './usage.js';
