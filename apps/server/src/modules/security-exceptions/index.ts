// The public face of the security-exceptions module: what other modules may use (see docs/ARCHITECTURE.md).
export { securityExceptionsModule } from './routes.js';
