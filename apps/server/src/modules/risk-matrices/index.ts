// The public face of the risk-matrices module: what other modules may use (see docs/ARCHITECTURE.md).

export type { MatrixDefinition } from './definition.js';
export {
  exceedsTolerance,
  fitsScale,
  MAX_SCALE,
  matrixDefinitionSchema,
  NOT_RATED,
  riskLevelOf,
} from './definition.js';
export { riskMatrices } from './tables.js';
export { riskMatrixUse } from './usage.js';
