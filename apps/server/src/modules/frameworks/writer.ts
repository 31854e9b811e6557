import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNull, or, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Transaction } from '../../platform/db/client.js';
import { type AuditContext, recordAudit, systemContext } from '../audit/index.js';
import {
  type FrameworkContent,
  type LibraryContent,
  LibraryFormatError,
  type LibraryIssue,
  type MappingSetContent,
} from './library-content.js';
import {
  frameworks,
  mappingRules,
  mappingSets,
  referenceControls,
  requirementNodes,
  requirementReferenceControls,
} from './tables.js';

/** Rows per INSERT: large enough to load 800-53 in two statements, well under PostgreSQL's 65,535 parameters. */
const CHUNK = 1000;

export interface SaveOptions {
  /** Null for a library entry shipped with Rampart; otherwise the importing organisation and its root folder. */
  organizationId: string | null;
  folderId: string | null;
  audit?: AuditContext;
  /** Called after each chunk of nodes (done, total). Only pass it where a write outside `tx` cannot block. */
  onProgress?: (done: number, total: number) => Promise<void> | void;
}

export type SaveOutcome = 'created' | 'unchanged';
export interface SaveResult {
  frameworks: { id: string; urn: string; name: string; frameworkVersion: string; outcome: SaveOutcome }[];
  mappingSets: { id: string; urn: string; name: string; outcome: SaveOutcome }[];
}

const ownedBy = (column: AnyPgColumn, organizationId: string | null): SQL =>
  organizationId === null ? isNull(column) : eq(column, organizationId);

/**
 * Persists what an importer read, inside the caller's transaction (one import is one transaction: a bad file
 * writes nothing). Idempotent: a framework already present for this owner with the same file or the same
 * (urn, version) is left as it is and reported `unchanged`; loaded versions are immutable.
 */
export async function saveLibraryContent(tx: Transaction, content: LibraryContent, options: SaveOptions) {
  const result: SaveResult = { frameworks: [], mappingSets: [] };
  const audit = options.audit ?? systemContext();
  const total = content.frameworks.reduce((n, f) => n + f.nodes.length, 0);
  let done = 0;
  const referenceIds = await saveReferenceControls(tx, content, options.organizationId);
  for (const framework of content.frameworks) {
    const [existing] = await tx
      .select({ id: frameworks.id, name: frameworks.name })
      .from(frameworks)
      .where(
        and(
          ownedBy(frameworks.organizationId, options.organizationId),
          eq(frameworks.urn, framework.urn),
          or(
            eq(frameworks.frameworkVersion, framework.frameworkVersion),
            eq(frameworks.sourceSha256, content.sourceSha256),
          ),
        ),
      )
      .limit(1);
    const summary = { urn: framework.urn, frameworkVersion: framework.frameworkVersion };
    if (existing) {
      result.frameworks.push({ id: existing.id, name: existing.name, ...summary, outcome: 'unchanged' });
      done += framework.nodes.length;
      continue;
    }
    const id = await insertFramework(tx, framework, content, options, referenceIds, async (n) => {
      done += n;
      await options.onProgress?.(done, total);
    });
    await recordAudit(tx, audit, {
      organizationId: options.organizationId,
      folderId: options.folderId,
      action: 'framework.imported',
      objectType: 'framework',
      objectId: id,
      changes: {
        urn: { after: framework.urn },
        frameworkVersion: { after: framework.frameworkVersion },
        sourceFormat: { after: content.sourceFormat },
        requirementCount: { after: framework.nodes.length },
      },
    });
    result.frameworks.push({ id, name: framework.name, ...summary, outcome: 'created' });
  }
  for (const set of content.mappingSets)
    result.mappingSets.push(await saveMappingSet(tx, set, content, options, audit));
  return result;
}

async function insertFramework(
  tx: Transaction,
  framework: FrameworkContent,
  content: LibraryContent,
  options: SaveOptions,
  referenceIds: Map<string, string>,
  progress: (inserted: number) => Promise<void>,
) {
  const id = randomUUID();
  const placed = new Map<string, { id: string; depth: number }>();
  const issues: LibraryIssue[] = [];
  const rows = framework.nodes.map((node, orderIndex) => {
    const parent = node.parentUrn ? placed.get(node.parentUrn) : undefined;
    if (node.parentUrn && !parent)
      issues.push(issue(framework, node.urn, `parent ${node.parentUrn} not found before it`));
    if (placed.has(node.urn)) issues.push(issue(framework, node.urn, 'duplicate requirement URN'));
    const self = { id: randomUUID(), depth: parent ? parent.depth + 1 : 0 };
    placed.set(node.urn, self);
    return {
      id: self.id,
      frameworkId: id,
      parentId: parent?.id ?? null,
      urn: node.urn,
      refId: node.refId ?? null,
      name: node.name ?? null,
      description: node.description ?? null,
      annotation: node.annotation ?? null,
      orderIndex,
      depth: self.depth,
      assessable: node.assessable,
      implementationGroups: node.implementationGroups ?? [],
      weight: node.weight ?? 1,
      importance: node.importance ?? null,
      typicalEvidence: node.typicalEvidence ?? null,
      withdrawn: node.withdrawn ?? false,
      translations: node.translations ?? null,
      extra: node.extra ?? null,
    };
  });
  const links = framework.nodes.flatMap((node) =>
    (node.referenceControlUrns ?? []).map((urn) => {
      const referenceControlId = referenceIds.get(urn);
      if (!referenceControlId) issues.push(issue(framework, node.urn, `unknown reference control ${urn}`));
      return { requirementNodeId: placed.get(node.urn)?.id ?? '', referenceControlId: referenceControlId ?? '' };
    }),
  );
  if (issues.length > 0) throw new LibraryFormatError(issues.slice(0, 50));

  await tx.insert(frameworks).values({
    id,
    organizationId: options.organizationId,
    folderId: options.folderId,
    urn: framework.urn,
    refId: framework.refId,
    name: framework.name,
    description: framework.description ?? null,
    frameworkVersion: framework.frameworkVersion,
    provider: framework.provider ?? null,
    packager: framework.packager ?? null,
    locale: framework.locale ?? 'en',
    copyright: framework.copyright ?? null,
    sourceFormat: content.sourceFormat,
    sourceSha256: content.sourceSha256,
    implementationGroups: framework.implementationGroups,
    minScore: framework.minScore ?? null,
    maxScore: framework.maxScore ?? null,
    scoresDefinition: framework.scoresDefinition ?? null,
    translations: framework.translations ?? null,
    requirementCount: rows.length,
    assessableCount: rows.filter((r) => r.assessable).length,
  });
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    await tx.insert(requirementNodes).values(chunk);
    await progress(chunk.length);
  }
  for (let i = 0; i < links.length; i += CHUNK) {
    await tx
      .insert(requirementReferenceControls)
      .values(links.slice(i, i + CHUNK))
      .onConflictDoNothing();
  }
  return id;
}

const issue = (framework: FrameworkContent, urn: string, message: string): LibraryIssue => ({
  file: framework.refId,
  path: urn,
  message,
});

/** Inserts the file's reference controls the owner does not have yet; returns urn → id (the owner's, else the library's). */
async function saveReferenceControls(tx: Transaction, content: LibraryContent, organizationId: string | null) {
  const ids = new Map<string, string>();
  const wanted = new Set([
    ...content.referenceControls.map((c) => c.urn),
    ...content.frameworks.flatMap((f) => f.nodes.flatMap((n) => n.referenceControlUrns ?? [])),
  ]);
  if (wanted.size === 0) return ids;
  for (let i = 0; i < content.referenceControls.length; i += CHUNK) {
    const chunk = content.referenceControls.slice(i, i + CHUNK).map((c) => ({
      organizationId,
      urn: c.urn,
      refId: c.refId ?? null,
      name: c.name ?? null,
      description: c.description ?? null,
      category: c.category ?? null,
      csfFunction: c.csfFunction ?? null,
      annotation: c.annotation ?? null,
      provider: c.provider ?? null,
      translations: c.translations ?? null,
    }));
    await tx.insert(referenceControls).values(chunk).onConflictDoNothing();
  }
  const urns = [...wanted];
  for (let i = 0; i < urns.length; i += CHUNK) {
    const rows = await tx
      .select({
        id: referenceControls.id,
        urn: referenceControls.urn,
        organizationId: referenceControls.organizationId,
      })
      .from(referenceControls)
      .where(
        and(
          inArray(referenceControls.urn, urns.slice(i, i + CHUNK)),
          organizationId === null
            ? isNull(referenceControls.organizationId)
            : or(isNull(referenceControls.organizationId), eq(referenceControls.organizationId, organizationId)),
        ),
      );
    // The owner's own copy wins over the library's.
    for (const row of rows) if (row.organizationId !== null || !ids.has(row.urn)) ids.set(row.urn, row.id);
  }
  return ids;
}

async function saveMappingSet(
  tx: Transaction,
  set: MappingSetContent,
  content: LibraryContent,
  options: SaveOptions,
  audit: AuditContext,
): Promise<SaveResult['mappingSets'][number]> {
  const [existing] = await tx
    .select({ id: mappingSets.id, name: mappingSets.name })
    .from(mappingSets)
    .where(and(ownedBy(mappingSets.organizationId, options.organizationId), eq(mappingSets.urn, set.urn)))
    .limit(1);
  if (existing) return { id: existing.id, urn: set.urn, name: existing.name, outcome: 'unchanged' };
  const id = randomUUID();
  await tx.insert(mappingSets).values({
    id,
    organizationId: options.organizationId,
    urn: set.urn,
    refId: set.refId ?? null,
    name: set.name,
    description: set.description ?? null,
    sourceFrameworkUrn: set.sourceFrameworkUrn,
    targetFrameworkUrn: set.targetFrameworkUrn,
    provider: set.provider ?? null,
    sourceSha256: content.sourceSha256,
    ruleCount: set.rules.length,
  });
  for (let i = 0; i < set.rules.length; i += CHUNK) {
    const chunk = set.rules.slice(i, i + CHUNK).map((r) => ({
      mappingSetId: id,
      sourceRequirementUrn: r.sourceRequirementUrn,
      targetRequirementUrn: r.targetRequirementUrn,
      relationship: r.relationship,
      rationale: r.rationale ?? null,
      strength: r.strength ?? null,
    }));
    await tx.insert(mappingRules).values(chunk);
  }
  await recordAudit(tx, audit, {
    organizationId: options.organizationId,
    folderId: options.folderId,
    action: 'mapping_set.imported',
    objectType: 'mapping_set',
    objectId: id,
    changes: { urn: { after: set.urn }, ruleCount: { after: set.rules.length } },
  });
  return { id, urn: set.urn, name: set.name, outcome: 'created' };
}
