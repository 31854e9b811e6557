import type { DbOrTx } from '../../platform/db/client.js';
import { invalid, notFound } from '../../platform/errors.js';
import type { Access } from '../access/index.js';
import { readableOr404 } from '../access/index.js';
import { infer } from './engine.js';
import { planPaths, setsUsed } from './paths.js';
import * as q from './queries.js';

/** The steps every inference endpoint shares: load and check the sources and the target, then run the engine. */
export type Target = { id: string; urn: string; name: string; implementationGroups: { refId: string }[] };

/** The sources, each readable by the caller; one unknown or unreadable id answers 404 (nothing revealed). */
export async function loadSources(tx: DbOrTx, access: Access, ids: string[]) {
  const unique = [...new Set(ids)];
  const rows = await q.findAssessments(tx, access.organizationId, unique);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return unique.map((id) => {
    return readableOr404(byId.get(id), access, 'compliance_assessment:read', 'Compliance assessment');
  });
}

export async function loadTarget(tx: DbOrTx, access: Access, frameworkId: string): Promise<Target> {
  const framework = await q.findVisibleFramework(tx, access.organizationId, frameworkId);
  if (!framework) throw notFound('Framework');
  return framework;
}

export function checkGroups(target: Target, groups: string[]) {
  const known = new Set(target.implementationGroups.map((g) => g.refId));
  const unknown = groups.filter((g) => !known.has(g));
  if (unknown.length > 0) {
    throw invalid('body.implementationGroups', `Not a group of the target framework: ${unknown.join(', ')}`);
  }
}

/** Runs the engine for the target's rows: four queries whatever the number of sources and sets. */
export async function compute(tx: DbOrTx, access: Access, sources: q.AssessmentRow[], target: Target, urns: string[]) {
  const sets = await q.visibleMappingSets(tx, access.organizationId);
  const paths = planPaths(
    sets,
    sources.map((s) => s.frameworkUrn),
    target.urn,
  );
  const rules = await q.rulesOf(tx, setsUsed(paths));
  const results = await q.sourceResults(
    tx,
    access.organizationId,
    sources.map((s) => s.id),
  );
  const output = infer({
    sources: sources.map((s) => ({
      assessmentId: s.id,
      frameworkUrn: s.frameworkUrn,
      results: results.filter((r) => r.assessmentId === s.id),
    })),
    mappingSets: sets,
    rules,
    target: { frameworkUrn: target.urn, requirementUrns: urns },
  });
  const inferredFrom = (at: string) =>
    sources.map((s) => ({
      assessmentId: s.id,
      mappingSetIds: output.mappingSetIdsByAssessment.get(s.id) ?? [],
      at,
    }));
  return { output, sets, inferredFrom };
}
