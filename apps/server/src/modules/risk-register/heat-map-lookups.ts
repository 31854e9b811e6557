import { sql } from 'drizzle-orm';
import { type DbOrTx, selectRows } from '../../platform/db/client.js';
// The in-force rule is owned by the risk-acceptances module, with its tables.
import { scenariosCoveredByAcceptanceInForce } from '../risk-acceptances/index.js';
// risk_scenarios is owned by the risk-assessments module.
import { riskScenarios } from '../risk-assessments/index.js';

export type RatingKind = 'inherent' | 'current' | 'residual';

export interface CellCount {
  probability: number;
  impact: number;
  level: number;
  count: number;
  flagged: number;
}

const columns = {
  inherent: sql.raw('s.inherent_probability, s.inherent_impact, s.inherent_level'),
  current: sql.raw('s.current_probability, s.current_impact, s.current_level'),
  residual: sql.raw('s.residual_probability, s.residual_impact, s.residual_level'),
};

/**
 * One GROUP BY over the assessment's scenarios for one rating kind (the caller has found the assessment in the
 * organisation, and a scenario belongs to its assessment's organisation: filtering on the assessment alone lets
 * the (assessment, probability, impact, level) index answer without reading the table): a row per (probability, impact, level) with
 * its count, and (for the current rating, where the contract defines it) how many of them are flagged.
 */
export async function countCells(
  db: DbOrTx,
  params: {
    organizationId: string;
    riskAssessmentId: string;
    kind: RatingKind;
    /** Count the contract's "flagged" too: current level above `tolerance` and no acceptance in force. */
    flagged: { tolerance: number | null; today: string } | null;
  },
): Promise<CellCount[]> {
  const { flagged } = params;
  const counting = flagged !== null && flagged.tolerance !== null;
  const flaggedCount = counting
    ? sql`count(*) filter (where s.current_level <> -1 and s.current_level > ${flagged.tolerance} and c.id is null)::int`
    : sql`0`;
  // A derived table joined on purpose, not a correlated NOT EXISTS: the planner hashes it once, where the
  // correlated form is costed high enough on 10,000-row assessments to trigger PostgreSQL's JIT (≈ 60 ms of
  // compilation per request; docs/benchmarks.md).
  const covered = counting
    ? sql`left join ${scenariosCoveredByAcceptanceInForce(params.organizationId, flagged.today)} c on c.id = s.id`
    : sql``;
  const rows = await selectRows<{ p: number; i: number; l: number; n: number; f: number }>(
    db,
    sql`select g.p, g.i, g.l, g.n, g.f from (
          select ${columns[params.kind]}, count(*)::int as n, ${flaggedCount} as f
          from ${riskScenarios} s ${covered}
          where s.risk_assessment_id = ${params.riskAssessmentId}
          group by 1, 2, 3) as g(p, i, l, n, f)`,
  );
  return rows.map((r) => ({
    probability: Number(r.p),
    impact: Number(r.i),
    level: Number(r.l),
    count: Number(r.n),
    flagged: Number(r.f),
  }));
}
