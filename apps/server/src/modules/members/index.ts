// The public face of the members module: what other modules may use (see docs/ARCHITECTURE.md).
export { membersModule } from './routes.js';
