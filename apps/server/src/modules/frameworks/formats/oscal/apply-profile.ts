import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Transaction } from '../../../../platform/db/client.js';
import { type AuditContext, recordAudit } from '../../../audit/index.js';
import { LibraryFormatError } from '../../library-content.js';
import { frameworks, requirementNodes } from '../../tables.js';
import { catalogUrn } from './catalog.js';
import { type OscalProfileContent, selectControls } from './profile.js';

export interface ApplyProfileResult {
  frameworkId: string;
  frameworkName: string;
  implementationGroup: string;
  outcome: 'applied' | 'unchanged';
  selected: number;
  /** Ids the profile names that the catalog does not have (a profile of another catalog revision). */
  unmatched: string[];
}

/**
 * Turns a parsed profile into an implementation group of a catalog the organisation already loaded: the group
 * definition is added to the framework and the group's refId to each selected node. The one sanctioned change to
 * a loaded framework (it adds a view on it, never changes a requirement), audited; applying the same selection
 * again changes nothing.
 */
export async function applyOscalProfile(
  tx: Transaction,
  profile: OscalProfileContent,
  options: { organizationId: string; frameworkId?: string | null; audit: AuditContext; fileName: string },
): Promise<ApplyProfileResult> {
  const framework = await findCatalogFramework(tx, profile, options);
  const nodes = await tx
    .select({ id: requirementNodes.id, extra: requirementNodes.extra, groups: requirementNodes.implementationGroups })
    .from(requirementNodes)
    .where(eq(requirementNodes.frameworkId, framework.id))
    .orderBy(requirementNodes.orderIndex);
  const byOscalId = new Map<string, { id: string; parentOscalId: string | null; groups: string[] }>();
  const controls: { oscalId: string; parentOscalId: string | null }[] = [];
  const oscalIdOfNode = new Map<string, string>();
  for (const node of nodes) {
    const extra = node.extra ?? {};
    if (typeof extra.oscalId === 'string') oscalIdOfNode.set(node.id, extra.oscalId.toLowerCase());
  }
  for (const node of nodes) {
    const extra = node.extra ?? {};
    const oscalId = oscalIdOfNode.get(node.id);
    if (!oscalId || extra.kind === 'group') continue;
    const parentOscalId = typeof extra.parentOscalId === 'string' ? extra.parentOscalId : null;
    byOscalId.set(oscalId, { id: node.id, parentOscalId, groups: node.groups });
    controls.push({ oscalId, parentOscalId });
  }
  const selected = selectControls(profile, controls);
  const named = profile.include.flatMap((s) => s.ids);
  const unmatched = [...new Set(named.filter((id) => !byOscalId.has(id)))];
  if (selected.size === 0) {
    throw new LibraryFormatError([
      { file: options.fileName, path: '/profile/imports', message: `no control of "${framework.name}" is selected` },
    ]);
  }
  const group = profile.group.refId;
  const toAdd: string[] = [];
  const toRemove: string[] = [];
  for (const [oscalId, node] of byOscalId) {
    const has = node.groups.includes(group);
    if (selected.has(oscalId) && !has) toAdd.push(node.id);
    if (!selected.has(oscalId) && has) toRemove.push(node.id);
  }
  const defined = framework.implementationGroups.some((g) => g.refId === group);
  const result = {
    frameworkId: framework.id,
    frameworkName: framework.name,
    implementationGroup: group,
    selected: selected.size,
    unmatched: unmatched.slice(0, 100),
  };
  if (defined && toAdd.length === 0 && toRemove.length === 0) return { ...result, outcome: 'unchanged' };

  if (toAdd.length > 0) {
    await tx
      .update(requirementNodes)
      .set({ implementationGroups: sql`array_append(${requirementNodes.implementationGroups}, ${group}::text)` })
      .where(and(eq(requirementNodes.frameworkId, framework.id), inArray(requirementNodes.id, toAdd)));
  }
  if (toRemove.length > 0) {
    await tx
      .update(requirementNodes)
      .set({ implementationGroups: sql`array_remove(${requirementNodes.implementationGroups}, ${group}::text)` })
      .where(and(eq(requirementNodes.frameworkId, framework.id), inArray(requirementNodes.id, toRemove)));
  }
  const definition = {
    refId: group,
    name: profile.group.name,
    description: `${profile.group.description} (OSCAL profile ${profile.uuid}${profile.version ? `, version ${profile.version}` : ''})`,
  };
  await tx
    .update(frameworks)
    .set({
      implementationGroups: [...framework.implementationGroups.filter((g) => g.refId !== group), definition],
      version: sql`${frameworks.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(eq(frameworks.id, framework.id));
  await recordAudit(tx, options.audit, {
    organizationId: options.organizationId,
    folderId: framework.folderId,
    action: 'framework.implementation_group_applied',
    objectType: 'framework',
    objectId: framework.id,
    changes: {
      implementationGroup: { after: group },
      profile: { after: `${profile.title} (${profile.uuid})` },
      requirementsAdded: { after: toAdd.length },
      requirementsRemoved: { after: toRemove.length },
    },
  });
  return { ...result, outcome: 'applied' };
}

/** The caller's pick, else the newest catalog of the organisation whose title or URN the profile names. */
async function findCatalogFramework(
  tx: Transaction,
  profile: OscalProfileContent,
  options: { organizationId: string; frameworkId?: string | null; fileName: string },
) {
  const owned = and(
    eq(frameworks.organizationId, options.organizationId),
    eq(frameworks.sourceFormat, 'oscal_catalog'),
  );
  const hintUrns = profile.catalogHints.map((h) => catalogUrn(h, h));
  const [framework] = await tx
    .select()
    .from(frameworks)
    .where(
      and(
        owned,
        options.frameworkId
          ? eq(frameworks.id, options.frameworkId)
          : profile.catalogHints.length > 0
            ? sql`(${inArray(frameworks.name, profile.catalogHints)} or ${inArray(frameworks.urn, hintUrns)})`
            : sql`false`,
      ),
    )
    .orderBy(desc(frameworks.createdAt))
    .limit(1);
  if (framework) return framework;
  throw new LibraryFormatError([
    {
      file: options.fileName,
      path: '/profile/imports/0/href',
      message: options.frameworkId
        ? 'the chosen framework is not an OSCAL catalog of this organisation'
        : `no OSCAL catalog in the library matches this profile (${profile.catalogHints.join('; ').slice(0, 300)}); ` +
          'import the catalog first or choose the framework',
    },
  ]);
}
