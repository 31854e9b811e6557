// The public face of the decision-records module: the engine that risk acceptances and security exceptions are
// configurations of (see kind.ts for what a kind states as data). A library: no tables and no routes of its own.
export { createDecisionExpiry, type ExpiryPlan, type MailFacts } from './expiry.js';
export type { DecisionRecordKind, DecisionRow, Found, LinkKind, PresentContext } from './kind.js';
export { type Actor, invalidTransition, type Lifecycle, lifecycle, todayOf } from './lifecycle.js';
export { createDecisionLinkService } from './links.js';
export { countRecordsInFolder } from './record-queries.js';
export { personOf } from './records.js';
export { type DecisionApi, registerDecisionRecordRoutes } from './routes.js';
export { createDecisionRecordService, type DecisionListParams } from './service.js';
export { createDecisionTransitions } from './transitions.js';
