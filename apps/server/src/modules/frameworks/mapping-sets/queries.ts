import { and, eq, ilike, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../../platform/db/client.js';
import { escapeLike } from '../../../platform/db/like.js';
import { type Cursor, keysetAfter, keysetOrder } from '../../../platform/http/pagination.js';
import { frameworks, type mappingRelationships, mappingRules, mappingSets, requirementNodes } from '../tables.js';
import type { LoadedFramework } from './contracts.js';

/** Library entries (no organisation) and the organisation's own mapping sets. */
const visibleTo = (organizationId: string) =>
  or(isNull(mappingSets.organizationId), eq(mappingSets.organizationId, organizationId));

/**
 * The framework a set's URN names, as the organisation sees it: several versions may be loaded (the library's
 * and its own); the most recently loaded one is the one a reader compares against.
 */
const loadedFramework = (urn: AnyPgColumn, organizationId: string) => sql<LoadedFramework>`(
  select jsonb_build_object('id', lf.id, 'name', lf.name, 'frameworkVersion', lf.framework_version)
  from ${frameworks} lf
  where lf.urn = ${urn} and (lf.organization_id is null or lf.organization_id = ${organizationId})
  order by lf.created_at desc, lf.id desc
  limit 1)`;

const columns = (organizationId: string) => ({
  id: mappingSets.id,
  organizationId: mappingSets.organizationId,
  urn: mappingSets.urn,
  refId: mappingSets.refId,
  name: mappingSets.name,
  description: mappingSets.description,
  provider: mappingSets.provider,
  sourceFrameworkUrn: mappingSets.sourceFrameworkUrn,
  targetFrameworkUrn: mappingSets.targetFrameworkUrn,
  sourceSha256: mappingSets.sourceSha256,
  ruleCount: mappingSets.ruleCount,
  createdAt: mappingSets.createdAt,
  updatedAt: mappingSets.updatedAt,
  sourceFramework: loadedFramework(mappingSets.sourceFrameworkUrn, organizationId),
  targetFramework: loadedFramework(mappingSets.targetFrameworkUrn, organizationId),
});
export type MappingSetRow = Awaited<ReturnType<typeof findMappingSet>> & {};

/** Sets by name, each with the frameworks its URNs resolve to, in one query; `frameworkUrn` keeps the sets touching it. */
export function listMappingSets(
  db: DbOrTx,
  params: { organizationId: string; q?: string; frameworkUrn?: string; cursor: Cursor | null; limit: number },
) {
  const like = params.q ? `%${escapeLike(params.q)}%` : null;
  return db
    .select(columns(params.organizationId))
    .from(mappingSets)
    .where(
      and(
        visibleTo(params.organizationId),
        like
          ? or(ilike(mappingSets.name, like), ilike(mappingSets.refId, like), ilike(mappingSets.urn, like))
          : undefined,
        params.frameworkUrn
          ? or(
              eq(mappingSets.sourceFrameworkUrn, params.frameworkUrn),
              eq(mappingSets.targetFrameworkUrn, params.frameworkUrn),
            )
          : undefined,
        keysetAfter(mappingSets.name, mappingSets.id, false, params.cursor),
      ),
    )
    .orderBy(...keysetOrder(mappingSets.name, mappingSets.id, false))
    .limit(params.limit + 1);
}

export const findMappingSet = async (db: DbOrTx, organizationId: string, id: string) =>
  (
    await db
      .select(columns(organizationId))
      .from(mappingSets)
      .where(and(eq(mappingSets.id, id), visibleTo(organizationId)))
  )[0] ?? null;

const sourceNodes = alias(requirementNodes, 'source_node');
const targetNodes = alias(requirementNodes, 'target_node');
type NodeColumns = Record<'id' | 'frameworkId' | 'urn' | 'refId' | 'name', AnyPgColumn>;

/** Joins a rule's URN to the node of the resolved framework; no framework loaded → nothing matches. */
const nodeOf = (nodes: NodeColumns, frameworkId: string | null, urn: AnyPgColumn): SQL =>
  frameworkId ? (and(eq(nodes.frameworkId, frameworkId), eq(nodes.urn, urn)) ?? sql`false`) : sql`false`;

const resolved = (nodes: NodeColumns) =>
  sql<{ id: string; refId: string | null; name: string | null } | null>`case when ${nodes.id} is null then null
    else jsonb_build_object('id', ${nodes.id}, 'refId', ${nodes.refId}, 'name', ${nodes.name}) end`;

/**
 * A page of rules with both ends resolved to the loaded frameworks' nodes by two indexed joins
 * (framework_id, urn): one round trip whatever the page size.
 */
export function listMappingRules(
  db: DbOrTx,
  params: {
    mappingSetId: string;
    sourceFrameworkId: string | null;
    targetFrameworkId: string | null;
    relationship?: (typeof mappingRelationships)[number];
    sourceRequirementUrn?: string;
    targetRequirementUrn?: string;
    cursor: Cursor | null;
    limit: number;
  },
) {
  return db
    .select({
      id: mappingRules.id,
      sourceRequirementUrn: mappingRules.sourceRequirementUrn,
      targetRequirementUrn: mappingRules.targetRequirementUrn,
      relationship: mappingRules.relationship,
      rationale: mappingRules.rationale,
      strength: mappingRules.strength,
      sourceRequirement: resolved(sourceNodes),
      targetRequirement: resolved(targetNodes),
    })
    .from(mappingRules)
    .leftJoin(sourceNodes, nodeOf(sourceNodes, params.sourceFrameworkId, mappingRules.sourceRequirementUrn))
    .leftJoin(targetNodes, nodeOf(targetNodes, params.targetFrameworkId, mappingRules.targetRequirementUrn))
    .where(
      and(
        eq(mappingRules.mappingSetId, params.mappingSetId),
        params.relationship ? eq(mappingRules.relationship, params.relationship) : undefined,
        params.sourceRequirementUrn ? eq(mappingRules.sourceRequirementUrn, params.sourceRequirementUrn) : undefined,
        params.targetRequirementUrn ? eq(mappingRules.targetRequirementUrn, params.targetRequirementUrn) : undefined,
        keysetAfter(mappingRules.sourceRequirementUrn, mappingRules.id, false, params.cursor),
      ),
    )
    .orderBy(...keysetOrder(mappingRules.sourceRequirementUrn, mappingRules.id, false))
    .limit(params.limit + 1);
}

export const deleteMappingSet = (db: DbOrTx, organizationId: string, id: string) =>
  db
    .delete(mappingSets)
    .where(and(eq(mappingSets.id, id), eq(mappingSets.organizationId, organizationId)))
    .returning({ id: mappingSets.id });
