// The public face of the auth module: what other modules may use (see docs/ARCHITECTURE.md).
export { assertPasswordAcceptable } from './password-service.js';
export type { NewSession } from './sessions.js';
export { createSession, findSession, requireSessionCaller, setSessionCookie } from './sessions.js';
export { sessions } from './tables.js';
export type { LoginThrottle } from './throttle.js';
export { accountKey, createLoginThrottle, ipKey } from './throttle.js';
