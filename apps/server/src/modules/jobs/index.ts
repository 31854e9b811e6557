// The public face of the jobs module: what other modules may use (see docs/ARCHITECTURE.md).
export { jobsModule } from './routes.js';
