// The public face of the findings module: what other modules may use (see docs/ARCHITECTURE.md).
export { findingsModule } from './routes.js';
