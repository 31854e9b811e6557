import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { riskAcceptanceScenarios, riskAcceptances } from './tables.js';

/**
 * IN FORCE, the one SQL definition: the acceptance is `accepted` and its expiry date is absent or not passed on
 * `today` (a UTC `YYYY-MM-DD`; the expiry date is the last day in force). Every query that asks whether an acceptance
 * covers a scenario builds on this, so the flags, the heat map, the files and the acceptance list cannot drift apart.
 * Keep in step with `isInForce` in `rules.ts`, the same rule for rows already in memory.
 *
 * Needs `risk_acceptances` in scope (unaliased).
 */
export const acceptanceInForce = (today: string): SQL<boolean> =>
  sql<boolean>`(${riskAcceptances.state} = 'accepted'
    and (${riskAcceptances.expiryDate} is null or ${riskAcceptances.expiryDate} >= ${today}::date))`;

/**
 * Correlated predicate: an acceptance in force on `today` covers the scenario whose id is `scenarioId` (a column
 * of the outer query, e.g. `riskScenarios.id` or `sql\`s.id\``). For per-row use: filters, flags of a page.
 */
export const coveredByAcceptanceInForce = (scenarioId: SQLWrapper, today: string): SQL<boolean> =>
  sql<boolean>`exists (
    select 1 from ${riskAcceptanceScenarios}
    join ${riskAcceptances} on ${riskAcceptances.id} = ${riskAcceptanceScenarios.riskAcceptanceId}
    where ${riskAcceptanceScenarios.riskScenarioId} = ${scenarioId} and ${acceptanceInForce(today)})`;

/**
 * Derived table (one column, `id`) of the organisation's scenarios covered by an acceptance in force on `today`,
 * to LEFT JOIN under an alias when many scenarios are counted at once: the planner hashes it once, where the
 * correlated form above is costed high enough on large assessments to trigger PostgreSQL's JIT (see the heat map).
 */
export const scenariosCoveredByAcceptanceInForce = (organizationId: string, today: string): SQL =>
  sql`(
    select distinct ${riskAcceptanceScenarios.riskScenarioId} as id from ${riskAcceptanceScenarios}
    join ${riskAcceptances} on ${riskAcceptances.id} = ${riskAcceptanceScenarios.riskAcceptanceId}
    where ${riskAcceptances.organizationId} = ${organizationId} and ${acceptanceInForce(today)})`;
