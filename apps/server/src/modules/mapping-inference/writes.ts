import { sql } from 'drizzle-orm';
import { type DbOrTx, selectRows } from '../../platform/db/client.js';
import type { RequirementResult } from '../assessments/index.js';
import type { TargetInference } from './engine.js';

export interface TargetRow {
  requirementNodeId: string;
  urn: string;
  result: RequirementResult;
  inferred: boolean;
}

/**
 * A row inference may write: one nobody has decided yet (not_assessed) or one that still holds an inferred
 * result. A result a person set, or an inferred one they confirmed (which clears `inferred`), is never touched.
 */
export const isInferable = (row: Pick<TargetRow, 'result' | 'inferred'>) =>
  row.inferred || row.result === 'not_assessed';

interface Change {
  node_id: string;
  result: RequirementResult;
  inferred: boolean;
  inference: TargetInference['trace'];
}

/** What inference would write to each row: an inferred result with its trace, or back to not_assessed. */
export function plannedChanges(rows: TargetRow[], inferences: TargetInference[]): Change[] {
  const byUrn = new Map(inferences.map((i) => [i.requirementUrn, i]));
  const changes: Change[] = [];
  for (const row of rows) {
    if (!isInferable(row)) continue;
    const inference = byUrn.get(row.urn);
    if (inference?.result) {
      changes.push({
        node_id: row.requirementNodeId,
        result: inference.result,
        inferred: true,
        inference: inference.trace,
      });
    } else if (row.inferred) {
      // The sources no longer support what was inferred: the row goes back to undecided.
      changes.push({ node_id: row.requirementNodeId, result: 'not_assessed', inferred: false, inference: null });
    }
  }
  return changes;
}

/**
 * Writes the changes in one statement (the rows travel as one JSON parameter, which binds the same on PGlite
 * and node-postgres). The WHERE repeats the inferable rule so a result a person saved meanwhile wins; rows whose
 * value does not change keep their version. Returns how many rows changed.
 */
export async function applyChanges(tx: DbOrTx, assessmentId: string, changes: Change[]): Promise<number> {
  if (changes.length === 0) return 0;
  const [row] = await selectRows<{ count: number | string }>(
    tx,
    sql`with changed as (
          update requirement_assessments ra
          set result = v.result, inferred = v.inferred, inference = v.inference,
              version = ra.version + 1, updated_at = now()
          from jsonb_to_recordset(${JSON.stringify(changes)}::jsonb)
               as v(node_id uuid, result text, inferred boolean, inference jsonb)
          where ra.assessment_id = ${assessmentId}::uuid
            and ra.requirement_node_id = v.node_id
            and (ra.inferred or ra.result = 'not_assessed')
            and (ra.result is distinct from v.result or ra.inferred is distinct from v.inferred
                 or ra.inference is distinct from v.inference)
          returning 1
        )
        select count(*)::int as count from changed`,
  );
  return Number(row?.count ?? 0);
}
