import { and, asc, eq, ilike, isNull, or } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/client.js';
import { escapeLike } from '../../../platform/db/like.js';
import { type Cursor, keysetAfter, keysetOrder } from '../../../platform/http/pagination.js';
import { frameworks, referenceControls, requirementNodes, requirementReferenceControls } from '../tables.js';

export type ReferenceControlRow = typeof referenceControls.$inferSelect;

/** Library entries (no organisation) and the organisation's own reference controls. */
const visibleTo = (organizationId: string) =>
  or(isNull(referenceControls.organizationId), eq(referenceControls.organizationId, organizationId));
const frameworkVisibleTo = (organizationId: string) =>
  or(isNull(frameworks.organizationId), eq(frameworks.organizationId, organizationId));

const summaryColumns = {
  id: referenceControls.id,
  organizationId: referenceControls.organizationId,
  urn: referenceControls.urn,
  refId: referenceControls.refId,
  name: referenceControls.name,
  category: referenceControls.category,
  csfFunction: referenceControls.csfFunction,
  provider: referenceControls.provider,
};
export type ReferenceControlSummaryRow = Pick<ReferenceControlRow, keyof typeof summaryColumns>;

/** By URN (never null, and CISO Assistant URNs end with the ref id, so this reads as a ref-id order). */
export function listReferenceControls(
  db: DbOrTx,
  params: {
    organizationId: string;
    q?: string;
    category?: string;
    csfFunction?: string;
    cursor: Cursor | null;
    limit: number;
  },
) {
  const like = params.q ? `%${escapeLike(params.q)}%` : null;
  return db
    .select(summaryColumns)
    .from(referenceControls)
    .where(
      and(
        visibleTo(params.organizationId),
        like ? or(ilike(referenceControls.refId, like), ilike(referenceControls.name, like)) : undefined,
        params.category ? eq(referenceControls.category, params.category) : undefined,
        params.csfFunction ? eq(referenceControls.csfFunction, params.csfFunction) : undefined,
        keysetAfter(referenceControls.urn, referenceControls.id, false, params.cursor),
      ),
    )
    .orderBy(...keysetOrder(referenceControls.urn, referenceControls.id, false))
    .limit(params.limit + 1);
}

export const findReferenceControl = async (db: DbOrTx, organizationId: string, id: string) =>
  (
    await db
      .select()
      .from(referenceControls)
      .where(and(eq(referenceControls.id, id), visibleTo(organizationId)))
  )[0] ?? null;

/** The requirements of the frameworks the organisation sees that propose the control, framework by framework. */
export function listProposingRequirements(
  db: DbOrTx,
  organizationId: string,
  referenceControlId: string,
  limit: number,
) {
  return db
    .select({
      id: requirementNodes.id,
      urn: requirementNodes.urn,
      refId: requirementNodes.refId,
      name: requirementNodes.name,
      frameworkId: frameworks.id,
      frameworkName: frameworks.name,
      frameworkVersion: frameworks.frameworkVersion,
    })
    .from(requirementReferenceControls)
    .innerJoin(requirementNodes, eq(requirementNodes.id, requirementReferenceControls.requirementNodeId))
    .innerJoin(frameworks, eq(frameworks.id, requirementNodes.frameworkId))
    .where(
      and(eq(requirementReferenceControls.referenceControlId, referenceControlId), frameworkVisibleTo(organizationId)),
    )
    .orderBy(asc(frameworks.name), asc(frameworks.id), asc(requirementNodes.orderIndex))
    .limit(limit);
}

/** The reference controls one requirement node proposes, by ref id (one indexed join). */
export function listForRequirement(db: DbOrTx, organizationId: string, requirementNodeId: string) {
  return db
    .select(summaryColumns)
    .from(requirementReferenceControls)
    .innerJoin(referenceControls, eq(referenceControls.id, requirementReferenceControls.referenceControlId))
    .where(and(eq(requirementReferenceControls.requirementNodeId, requirementNodeId), visibleTo(organizationId)))
    .orderBy(asc(referenceControls.refId), asc(referenceControls.urn));
}
