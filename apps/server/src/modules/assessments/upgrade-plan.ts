import type { RequirementResult, requirementAssessmentStatuses } from './tables.js';

/** A requirement assessment of the assessment as it stands, with its node in the current framework version. */
export interface CurrentRequirement {
  raId: string;
  urn: string;
  refId: string | null;
  name: string | null;
  description: string | null;
  annotation: string | null;
  parentUrn: string | null;
  implementationGroups: string[];
  result: RequirementResult;
  status: (typeof requirementAssessmentStatuses)[number];
  score: number | null;
  isScored: boolean;
  observation: string | null;
  inferred: boolean;
  evidenceIds: string[];
  controlIds: string[];
  /** Links in folders the caller may read: the report counts only these. */
  visibleEvidenceCount: number;
  visibleControlCount: number;
}

/** A node of the target framework version. */
export interface TargetNode {
  id: string;
  urn: string;
  refId: string | null;
  name: string | null;
  description: string | null;
  annotation: string | null;
  parentUrn: string | null;
  implementationGroups: string[];
  assessable: boolean;
  withdrawn: boolean;
}

export const nodeChanges = ['refId', 'name', 'description', 'annotation', 'parent', 'implementationGroups'] as const;
export type NodeChange = (typeof nodeChanges)[number];

export const removalReasons = ['deleted', 'not_assessable', 'withdrawn', 'out_of_scope'] as const;
export type RemovalReason = (typeof removalReasons)[number];

export interface UpgradePlan {
  added: { nodeId: string; urn: string; refId: string | null; name: string | null }[];
  removed: (CurrentRequirement & { reason: RemovalReason })[];
  /** Requirement assessments kept, re-pointed to the node of the same URN. */
  kept: { raId: string; nodeId: string }[];
  changed: {
    urn: string;
    refId: string | null;
    nameBefore: string | null;
    nameAfter: string | null;
    changes: NodeChange[];
  }[];
  unchangedCount: number;
  /** Kept scores that fall outside the target's scale (or the target has none): cleared. */
  scoresCleared: { raId: string; urn: string; refId: string | null; score: number }[];
}

const inScope = (groups: string[], scope: string[]) => scope.length === 0 || groups.some((g) => scope.includes(g));

/** Whether a node of the target would carry a requirement assessment of an assessment limited to `scope`. */
export const takesAssessment = (node: TargetNode, scope: string[]) =>
  node.assessable && !node.withdrawn && inScope(node.implementationGroups, scope);

function removalReason(node: TargetNode | undefined, scope: string[]): RemovalReason | null {
  if (!node) return 'deleted';
  if (node.withdrawn) return 'withdrawn';
  if (!node.assessable) return 'not_assessable';
  if (!inScope(node.implementationGroups, scope)) return 'out_of_scope';
  return null;
}

const sameGroups = (a: string[], b: string[]) => [...a].sort().join('\u0000') === [...b].sort().join('\u0000');

function changesOf(before: CurrentRequirement, after: TargetNode): NodeChange[] {
  const changes: NodeChange[] = [];
  if (before.refId !== after.refId) changes.push('refId');
  if (before.name !== after.name) changes.push('name');
  if (before.description !== after.description) changes.push('description');
  if (before.annotation !== after.annotation) changes.push('annotation');
  if (before.parentUrn !== after.parentUrn) changes.push('parent');
  if (!sameGroups(before.implementationGroups, after.implementationGroups)) changes.push('implementationGroups');
  return changes;
}

/**
 * What moving an assessment to another version of its framework does, requirement by requirement, matched by URN:
 * a requirement assessment whose node is still assessable, not withdrawn and in scope is kept (re-pointed);
 * otherwise it is removed (with why); an in-scope assessable node with no requirement assessment yet gets one.
 * Pure, so the preview and the upgrade itself cannot disagree.
 */
export function planUpgrade(input: {
  current: CurrentRequirement[];
  target: TargetNode[];
  scope: string[];
  scale: { minScore: number | null; maxScore: number | null };
}): UpgradePlan {
  const { current, target, scope, scale } = input;
  const targetByUrn = new Map(target.map((n) => [n.urn, n]));
  const plan: UpgradePlan = { added: [], removed: [], kept: [], changed: [], unchangedCount: 0, scoresCleared: [] };
  const assessedUrns = new Set<string>();
  for (const ra of current) {
    assessedUrns.add(ra.urn);
    const node = targetByUrn.get(ra.urn);
    const reason = removalReason(node, scope);
    if (reason || !node) {
      plan.removed.push({ ...ra, reason: reason ?? 'deleted' });
      continue;
    }
    plan.kept.push({ raId: ra.raId, nodeId: node.id });
    const changes = changesOf(ra, node);
    if (changes.length > 0) {
      plan.changed.push({ urn: ra.urn, refId: node.refId, nameBefore: ra.name, nameAfter: node.name, changes });
    } else {
      plan.unchangedCount += 1;
    }
    if (ra.score !== null && !fitsScale(ra.score, scale)) {
      plan.scoresCleared.push({ raId: ra.raId, urn: ra.urn, refId: node.refId, score: ra.score });
    }
  }
  for (const node of target) {
    if (!assessedUrns.has(node.urn) && takesAssessment(node, scope)) {
      plan.added.push({ nodeId: node.id, urn: node.urn, refId: node.refId, name: node.name });
    }
  }
  return plan;
}

function fitsScale(score: number, scale: { minScore: number | null; maxScore: number | null }) {
  if (scale.minScore === null || scale.maxScore === null) return false;
  return score >= scale.minScore && score <= scale.maxScore;
}

/**
 * Orders two version labels the way people read them ("5.0.10" after "5.0.9", "2022" after "2013"): digit runs
 * compare as numbers. Labels follow no standard, so this only informs the report; the upgrade accepts any other
 * loaded version (going back to an earlier one, or from the built-in entry to an imported text of the same label).
 */
export function compareVersionLabels(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' });
}
