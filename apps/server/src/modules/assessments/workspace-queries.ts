import { type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, selectRows } from '../../platform/db/client.js';
import type { RequirementResult, requirementAssessmentStatuses } from './tables.js';

/**
 * Each node's requirement assessment through its unique (assessment, node) index, one probe per node. A plain
 * left join is planned from table statistics, and right after an assessment is created (or on PGlite, which
 * has no autovacuum) those say "a handful of rows": the planner then picks a nested loop over the whole
 * assessment per node, 300 times slower on 800-53. The lateral probe (kept
 * a probe by `limit 1`, which stops the planner from flattening it back into that join) costs the same either way.
 */
const inScope = (assessmentId: string) => sql`left join lateral (
          select r.* from requirement_assessments r
          where r.assessment_id = ${assessmentId} and r.requirement_node_id = n.id
          limit 1
        ) ra on true`;

export interface WorkspaceNodeRow extends Record<string, unknown> {
  id: string;
  parent_id: string | null;
  urn: string;
  ref_id: string | null;
  name: string | null;
  depth: number;
  order_index: number;
  assessable: boolean;
  implementation_groups: string[];
}

export interface WorkspaceAssessmentRow extends Record<string, unknown> {
  id: string;
  requirement_node_id: string;
  status: (typeof requirementAssessmentStatuses)[number];
  result: RequirementResult;
  score: number | null;
  is_scored: boolean;
  has_observation: boolean;
  inferred: boolean;
  version: number;
}

/**
 * The whole tree of the framework in depth-first order (one indexed read, like the library's tree endpoint).
 * The workspace joins it with the requirement assessments in memory: two flat reads cost the same for a 10-node
 * fixture and for 800-53's 1,200 nodes, and need no join plan (PGlite has no autovacuum, so right after an
 * assessment is created the planner believes it has a handful of rows and picks a nested loop 300× slower).
 */
export function loadTree(db: DbOrTx, frameworkId: string) {
  return selectRows<WorkspaceNodeRow>(
    db,
    sql`select n.id, n.parent_id, n.urn, n.ref_id, n.name, n.depth, n.order_index, n.assessable,
          n.implementation_groups
        from requirement_nodes n
        where n.framework_id = ${frameworkId}
        order by n.order_index`,
  );
}

/** Every requirement assessment of the assessment, compact (no texts), through its (assessment, node) index. */
export function loadRequirementAssessments(db: DbOrTx, assessmentId: string) {
  return selectRows<WorkspaceAssessmentRow>(
    db,
    sql`select ra.id, ra.requirement_node_id, ra.status, ra.result, ra.score, ra.is_scored,
          (ra.observation is not null and ra.observation <> '') as has_observation, ra.inferred, ra.version
        from requirement_assessments ra
        where ra.assessment_id = ${assessmentId}`,
  );
}

/**
 * Evidence and control link counts of every requirement assessment that has links, in one grouped statement
 * (a count subquery per row costs far more on PGlite than this one pass over the assessment's links). Only
 * links whose target the caller may read count (`evidenceVisible` / `controlsVisible`: folder-id subqueries),
 * so a count never reveals evidence or controls in folders they cannot read.
 */
export async function loadLinkCounts(db: DbOrTx, assessmentId: string, visible: { evidence: SQL; controls: SQL }) {
  const rows = await selectRows<{ id: string; evidence: number | string; controls: number | string }>(
    db,
    sql`select l.id, sum(l.evidence)::int as evidence, sum(l.controls)::int as controls
        from (
          select e.requirement_assessment_id as id, 1 as evidence, 0 as controls
          from requirement_assessment_evidence e
          join requirement_assessments r on r.id = e.requirement_assessment_id
          join evidence ev on ev.id = e.evidence_id
          where r.assessment_id = ${assessmentId} and ev.folder_id in ${visible.evidence}
          union all
          select c.requirement_assessment_id, 0, 1
          from requirement_assessment_controls c
          join requirement_assessments r on r.id = c.requirement_assessment_id
          join applied_controls ac on ac.id = c.applied_control_id
          where r.assessment_id = ${assessmentId} and ac.folder_id in ${visible.controls}
        ) l
        group by l.id`,
  );
  return new Map(rows.map((r) => [r.id, { evidence: Number(r.evidence), controls: Number(r.controls) }]));
}

export interface ScoringSourceRow extends Record<string, unknown> {
  id: string;
  depth: number;
  ref_id: string | null;
  name: string | null;
  in_scope: boolean;
  result: RequirementResult | null;
  score: number | null;
  is_scored: boolean | null;
}

/**
 * What the summary needs in one statement: the top-level nodes (sections) and every node with a requirement
 * assessment, in depth-first order so each row's section is the last depth-0 row before it.
 */
export function loadScoringRows(db: DbOrTx, assessmentId: string, frameworkId: string) {
  return selectRows<ScoringSourceRow>(
    db,
    sql`select n.id, n.depth, n.ref_id, n.name, (ra.id is not null) as in_scope, ra.result, ra.score, ra.is_scored
        from requirement_nodes n
        ${inScope(assessmentId)}
        where n.framework_id = ${frameworkId} and (n.depth = 0 or ra.id is not null)
        order by n.order_index`,
  );
}

/** URN, ref id, name and result of every requirement assessment of an assessment, for comparisons. */
export function loadResultsByUrn(db: DbOrTx, assessmentId: string) {
  return selectRows<{ urn: string; ref_id: string | null; name: string | null; result: RequirementResult }>(
    db,
    sql`select n.urn, n.ref_id, n.name, ra.result
        from requirement_assessments ra
        join requirement_nodes n on n.id = ra.requirement_node_id
        where ra.assessment_id = ${assessmentId}
        order by n.order_index`,
  );
}
