// The public face of the outbox module: what other modules may use (see docs/ARCHITECTURE.md).
export { outboxModule } from './routes.js';
