// The public face of the overview module: what other modules may use (see docs/ARCHITECTURE.md).
export { overviewModule } from './routes.js';
