// The public face of the mapping-inference module: what other modules may use (see docs/ARCHITECTURE.md).
export { mappingInferenceModule } from './routes.js';
