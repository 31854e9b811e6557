import { sql } from 'drizzle-orm';
import { type DbOrTx, selectRows } from '../../platform/db/client.js';
import {
  type assessmentStatuses,
  complianceAssessmentPeople,
  complianceAssessments,
  type scoringMethods,
} from './tables.js';

export interface NewAssessmentInput {
  organizationId: string;
  folderId: string;
  frameworkId: string;
  name: string;
  description?: string | null;
  refId?: string | null;
  implementationGroups?: string[];
  scoringMethod?: (typeof scoringMethods)[number];
  dueDate?: string | null;
  status?: (typeof assessmentStatuses)[number];
  inferredFrom?: { assessmentId: string; mappingSetIds: string[]; at: string }[] | null;
  authorIds?: string[];
  reviewerIds?: string[];
}

/**
 * Inserts an assessment with one requirement assessment per assessable, non-withdrawn node in scope (empty
 * implementation groups: all of them; otherwise nodes in at least one of the groups). The rows come from one
 * INSERT … SELECT so an 800-53-sized framework costs a single statement. No permission checks and no audit:
 * callers (the assessments service, mapping inference, imports) do both inside their own transaction.
 */
export async function insertAssessment(
  tx: DbOrTx,
  input: NewAssessmentInput,
): Promise<{ id: string; requirementCount: number }> {
  const groups = input.implementationGroups ?? [];
  const [assessment] = await tx
    .insert(complianceAssessments)
    .values({
      organizationId: input.organizationId,
      folderId: input.folderId,
      frameworkId: input.frameworkId,
      name: input.name,
      description: input.description ?? null,
      refId: input.refId ?? null,
      implementationGroups: groups,
      scoringMethod: input.scoringMethod ?? 'average',
      dueDate: input.dueDate ?? null,
      status: input.status ?? 'planned',
      // A done assessment is locked from the start, like one that reaches done later.
      lockedAt: input.status === 'done' ? new Date() : null,
      inferredFrom: input.inferredFrom ?? null,
    })
    .returning({ id: complianceAssessments.id });
  if (!assessment) throw new Error('insert into compliance_assessments returned no row');

  // Groups travel as one JSON parameter: arrays bind differently on PGlite and node-postgres.
  const groupsJson = JSON.stringify(groups);
  const [counted] = await selectRows<{ count: number | string }>(
    tx,
    sql`with inserted as (
          insert into requirement_assessments (organization_id, assessment_id, requirement_node_id)
          select ${input.organizationId}::uuid, ${assessment.id}::uuid, n.id
          from requirement_nodes n
          where n.framework_id = ${input.frameworkId}::uuid
            and n.assessable and not n.withdrawn
            and (${groups.length} = 0
                 or n.implementation_groups && array(select jsonb_array_elements_text(${groupsJson}::jsonb)))
          order by n.order_index
          returning 1
        )
        select count(*)::int as count from inserted`,
  );

  const people = [
    ...[...new Set(input.authorIds ?? [])].map((userId) => ({ userId, role: 'author' as const })),
    ...[...new Set(input.reviewerIds ?? [])].map((userId) => ({ userId, role: 'reviewer' as const })),
  ];
  if (people.length > 0) {
    await tx.insert(complianceAssessmentPeople).values(people.map((p) => ({ assessmentId: assessment.id, ...p })));
  }
  return { id: assessment.id, requirementCount: Number(counted?.count ?? 0) };
}
