/** Every API token starts with this, so a leaked one is recognisable (secret scanners) and told from a session. */
export const API_TOKEN_PREFIX = 'rmp_';
