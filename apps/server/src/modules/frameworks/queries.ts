import { and, asc, eq, ilike, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { escapeLike } from '../../platform/db/like.js';
import { type Cursor, keysetAfter, keysetOrder } from '../../platform/http/pagination.js';
import { frameworks, requirementNodes } from './tables.js';

export type FrameworkRow = typeof frameworks.$inferSelect;

/** Library entries (no organisation) and the organisation's own frameworks. */
const visibleTo = (organizationId: string) =>
  or(isNull(frameworks.organizationId), eq(frameworks.organizationId, organizationId));

export function listFrameworks(
  db: DbOrTx,
  params: { organizationId: string; q?: string; cursor: Cursor | null; limit: number },
) {
  const like = params.q ? `%${escapeLike(params.q)}%` : null;
  return db
    .select()
    .from(frameworks)
    .where(
      and(
        visibleTo(params.organizationId),
        like ? or(ilike(frameworks.name, like), ilike(frameworks.refId, like), ilike(frameworks.urn, like)) : undefined,
        keysetAfter(frameworks.name, frameworks.id, false, params.cursor),
      ),
    )
    .orderBy(...keysetOrder(frameworks.name, frameworks.id, false))
    .limit(params.limit + 1);
}

export const findFramework = async (db: DbOrTx, organizationId: string, id: string) =>
  (
    await db
      .select()
      .from(frameworks)
      .where(and(eq(frameworks.id, id), visibleTo(organizationId)))
  )[0] ?? null;

const treeColumns = {
  id: requirementNodes.id,
  parentId: requirementNodes.parentId,
  urn: requirementNodes.urn,
  refId: requirementNodes.refId,
  name: requirementNodes.name,
  depth: requirementNodes.depth,
  orderIndex: requirementNodes.orderIndex,
  assessable: requirementNodes.assessable,
  withdrawn: requirementNodes.withdrawn,
  implementationGroups: requirementNodes.implementationGroups,
};

/**
 * The whole tree of a framework, or the nodes matching the filters, in one indexed query ordered by the
 * depth-first position, so the cost is one round trip whatever the framework's size.
 */
export function listRequirements(
  db: DbOrTx,
  params: { frameworkId: string; q?: string; implementationGroup?: string; assessable?: boolean },
) {
  const like = params.q ? `%${escapeLike(params.q)}%` : null;
  const filters: (SQL | undefined)[] = [
    eq(requirementNodes.frameworkId, params.frameworkId),
    like
      ? or(
          ilike(requirementNodes.refId, like),
          ilike(requirementNodes.name, like),
          ilike(requirementNodes.description, like),
        )
      : undefined,
    params.implementationGroup
      ? sql`${params.implementationGroup}::text = any(${requirementNodes.implementationGroups})`
      : undefined,
    params.assessable === undefined ? undefined : eq(requirementNodes.assessable, params.assessable),
  ];
  return db
    .select(treeColumns)
    .from(requirementNodes)
    .where(and(...filters))
    .orderBy(asc(requirementNodes.orderIndex));
}

export const findRequirement = async (db: DbOrTx, frameworkId: string, nodeId: string) =>
  (
    await db
      .select()
      .from(requirementNodes)
      .where(and(eq(requirementNodes.frameworkId, frameworkId), eq(requirementNodes.id, nodeId)))
  )[0] ?? null;

export const deleteFramework = (db: DbOrTx, organizationId: string, id: string) =>
  db
    .delete(frameworks)
    .where(and(eq(frameworks.id, id), eq(frameworks.organizationId, organizationId)))
    .returning({ id: frameworks.id });
