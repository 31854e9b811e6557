import type { Database } from '../../platform/db/client.js';
import { invalid } from '../../platform/errors.js';
import type { Access } from '../access/index.js';
import { compareResults } from './compare.js';
import { loadReadableAssessment } from './service.js';
import { loadLinkCounts, loadRequirementAssessments, loadResultsByUrn, loadTree } from './workspace-queries.js';

/** The assessment workspace (tree + requirement assessments) and comparisons, both read-only. */
export function createWorkspaceService(deps: { db: Database }) {
  const { db } = deps;

  return {
    /**
     * Four statements whatever the framework's size: the assessment (and access check), the tree, its
     * requirement assessments and their link counts, joined here by node id.
     */
    async requirements(access: Access, id: string) {
      const assessment = await loadReadableAssessment(db, access, id);
      const nodes = await loadTree(db, assessment.frameworkId);
      const byNode = new Map(
        (await loadRequirementAssessments(db, assessment.id)).map((r) => [r.requirement_node_id, r]),
      );
      const links = await loadLinkCounts(db, assessment.id, {
        evidence: access.visibleFolderIds('evidence:read'),
        controls: access.visibleFolderIds('applied_control:read'),
      });
      return nodes.map((n) => {
        const ra = byNode.get(n.id);
        return {
          id: n.id,
          parentId: n.parent_id,
          urn: n.urn,
          refId: n.ref_id,
          name: n.name,
          depth: n.depth,
          orderIndex: n.order_index,
          assessable: n.assessable,
          implementationGroups: n.implementation_groups,
          assessment: ra
            ? {
                id: ra.id,
                status: ra.status,
                result: ra.result,
                score: ra.score,
                isScored: ra.is_scored,
                hasObservation: ra.has_observation,
                inferred: ra.inferred,
                evidenceCount: links.get(ra.id)?.evidence ?? 0,
                controlCount: links.get(ra.id)?.controls ?? 0,
                version: Number(ra.version),
              }
            : null,
        };
      });
    },

    /**
     * How assessment `id` differs from `otherId` (the baseline): both must assess the same framework URN,
     * possibly different versions; requirements are matched by URN.
     */
    async compare(access: Access, id: string, otherId: string) {
      const current = await loadReadableAssessment(db, access, id);
      const baseline = await loadReadableAssessment(db, access, otherId);
      if (current.frameworkUrn !== baseline.frameworkUrn) {
        throw invalid(
          'params.otherId',
          `The assessments cover different frameworks (${current.frameworkUrn} and ${baseline.frameworkUrn})`,
        );
      }
      const [after, before] = [await loadResultsByUrn(db, current.id), await loadResultsByUrn(db, baseline.id)];
      const toCompared = (r: (typeof after)[number]) => ({
        urn: r.urn,
        refId: r.ref_id,
        name: r.name,
        result: r.result,
      });
      const { counts, rows } = compareResults(before.map(toCompared), after.map(toCompared));
      return {
        base: { id: current.id, name: current.name, frameworkVersion: current.frameworkVersion },
        other: { id: baseline.id, name: baseline.name, frameworkVersion: baseline.frameworkVersion },
        counts,
        rows,
      };
    },
  };
}
