// The public face of the risk-exports module: what other modules may use (see docs/ARCHITECTURE.md).
export { riskExportsModule } from './routes.js';
