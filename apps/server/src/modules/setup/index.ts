// The public face of the setup module: what other modules may use (see docs/ARCHITECTURE.md).
export { setupModule } from './routes.js';
