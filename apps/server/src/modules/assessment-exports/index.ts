// The public face of the assessment-exports module: what other modules may use (see docs/ARCHITECTURE.md).
export { assessmentExportsModule } from './routes.js';
