// The public face of the api-tokens module: what other modules may use (see docs/ARCHITECTURE.md).
export { apiTokensModule } from './routes.js';
export { apiTokens } from './tables.js';
