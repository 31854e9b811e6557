// The public face of the api-tokens module: what other modules may use (see docs/ARCHITECTURE.md).
export { apiTokens } from './tables.js';
export { API_TOKEN_PREFIX } from './token-format.js';
