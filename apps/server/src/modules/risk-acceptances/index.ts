// The public face of the risk-acceptances module: what other modules may use (see docs/ARCHITECTURE.md).
export { acceptanceInForce, coveredByAcceptanceInForce, scenariosCoveredByAcceptanceInForce } from './in-force-sql.js';
export { riskAcceptanceScenarios, riskAcceptanceStates, riskAcceptances } from './tables.js';
