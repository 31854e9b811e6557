// The public face of the invitations module: what other modules may use (see docs/ARCHITECTURE.md).
export { invitationsModule } from './routes.js';
