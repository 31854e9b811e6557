// The public face of the risk-register module: what other modules may use (see docs/ARCHITECTURE.md).
export { riskRegisterModule } from './routes.js';
