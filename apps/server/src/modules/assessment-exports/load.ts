import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import type { Access, Permission } from '../access/index.js';
import { readableOr404 } from '../access/index.js';
import {
  complianceAssessments,
  requirementAssessmentControls,
  requirementAssessmentEvidence,
  requirementAssessments,
} from '../assessments/index.js';
import { appliedControls } from '../controls/index.js';
import { evidence } from '../evidence/index.js';
import { folders } from '../folders/index.js';
import { frameworks, requirementNodes } from '../frameworks/index.js';
import { organizations } from '../organizations/index.js';

/** The assessment an export or import is about, with what the files print in their headers. */
export interface AssessmentHeader {
  id: string;
  organizationId: string;
  organizationName: string;
  folderId: string;
  folderPath: string;
  refId: string | null;
  name: string;
  description: string | null;
  status: string;
  scoringMethod: string;
  implementationGroups: string[];
  lockedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  framework: {
    id: string;
    urn: string;
    refId: string;
    name: string;
    frameworkVersion: string;
    minScore: number | null;
    maxScore: number | null;
  };
}

/**
 * Loads the assessment and checks the caller may `permission` it: 404 for another organisation's assessment or
 * one the caller cannot read, 403 when readable but the action is not allowed.
 */
export async function loadAssessmentHeader(
  db: DbOrTx,
  access: Access,
  id: string,
  permission: Permission,
): Promise<AssessmentHeader> {
  const [found] = await db
    .select({
      a: complianceAssessments,
      folderPath: folders.path,
      organizationName: organizations.name,
      framework: {
        id: frameworks.id,
        urn: frameworks.urn,
        refId: frameworks.refId,
        name: frameworks.name,
        frameworkVersion: frameworks.frameworkVersion,
        minScore: frameworks.minScore,
        maxScore: frameworks.maxScore,
      },
    })
    .from(complianceAssessments)
    .innerJoin(folders, eq(folders.id, complianceAssessments.folderId))
    .innerJoin(organizations, eq(organizations.id, complianceAssessments.organizationId))
    .innerJoin(frameworks, eq(frameworks.id, complianceAssessments.frameworkId))
    .where(and(eq(complianceAssessments.id, id), eq(complianceAssessments.organizationId, access.organizationId)));
  const row = readableOr404(found, access, 'compliance_assessment:read', 'Assessment');
  access.require(permission, row.folderPath, 'compliance_assessment:read', 'Assessment');
  const a = row.a;
  return {
    id: a.id,
    organizationId: a.organizationId,
    organizationName: row.organizationName,
    folderId: a.folderId,
    folderPath: row.folderPath,
    refId: a.refId,
    name: a.name,
    description: a.description,
    status: a.status,
    scoringMethod: a.scoringMethod,
    implementationGroups: a.implementationGroups,
    lockedAt: a.lockedAt,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    version: a.version,
    framework: row.framework,
  };
}

export interface LinkedControl {
  id: string;
  refId: string | null;
  name: string;
  status: string;
}
export interface LinkedEvidence {
  id: string;
  name: string;
}

/** One line of an export: a requirement node, with its assessment when it is in scope (headings have none). */
export interface ExportRow {
  nodeId: string;
  urn: string;
  refId: string | null;
  name: string | null;
  description: string | null;
  depth: number;
  parentRefId: string | null;
  parentUrn: string | null;
  assessable: boolean;
  extra: Record<string, unknown> | null;
  assessment: {
    id: string;
    status: string;
    result: string;
    score: number | null;
    isScored: boolean;
    observation: string | null;
    inferred: boolean;
    updatedAt: Date;
    /** updated_at as Postgres stores it (UTC, microseconds): what the files carry to detect later edits. */
    updatedAtText: string;
    controls: LinkedControl[];
    evidence: LinkedEvidence[];
  } | null;
}

/**
 * Every requirement assessment of the assessment in tree order, with the headings above them (so a reader of
 * the file sees where a requirement sits). Linked controls and evidence are those the caller may read; links to
 * objects they cannot see are neither shown nor touched by an import. A constant number of queries.
 */
export async function loadExportRows(db: DbOrTx, access: Access, header: AssessmentHeader): Promise<ExportRow[]> {
  const nodes = await db
    .select({
      id: requirementNodes.id,
      parentId: requirementNodes.parentId,
      urn: requirementNodes.urn,
      refId: requirementNodes.refId,
      name: requirementNodes.name,
      description: requirementNodes.description,
      depth: requirementNodes.depth,
      assessable: requirementNodes.assessable,
      extra: requirementNodes.extra,
    })
    .from(requirementNodes)
    .where(eq(requirementNodes.frameworkId, header.framework.id))
    .orderBy(asc(requirementNodes.orderIndex));
  // The stamp is formatted by SQL: a JS Date would drop the microseconds and make every row look edited.
  const assessmentRows = await db
    .select({
      ra: requirementAssessments,
      updatedAtText: sql<string>`to_char(${requirementAssessments.updatedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    })
    .from(requirementAssessments)
    .where(
      and(
        eq(requirementAssessments.assessmentId, header.id),
        eq(requirementAssessments.organizationId, header.organizationId),
      ),
    );
  const controlLinks = await db
    .select({
      raId: requirementAssessmentControls.requirementAssessmentId,
      id: appliedControls.id,
      refId: appliedControls.refId,
      name: appliedControls.name,
      status: appliedControls.status,
    })
    .from(requirementAssessmentControls)
    .innerJoin(
      requirementAssessments,
      eq(requirementAssessments.id, requirementAssessmentControls.requirementAssessmentId),
    )
    .innerJoin(appliedControls, eq(appliedControls.id, requirementAssessmentControls.appliedControlId))
    .where(
      and(
        eq(requirementAssessments.assessmentId, header.id),
        eq(appliedControls.organizationId, header.organizationId),
        inArray(appliedControls.folderId, access.visibleFolderIds('applied_control:read')),
      ),
    )
    .orderBy(asc(appliedControls.refId), asc(appliedControls.name));
  const evidenceLinks = await db
    .select({ raId: requirementAssessmentEvidence.requirementAssessmentId, id: evidence.id, name: evidence.name })
    .from(requirementAssessmentEvidence)
    .innerJoin(
      requirementAssessments,
      eq(requirementAssessments.id, requirementAssessmentEvidence.requirementAssessmentId),
    )
    .innerJoin(evidence, eq(evidence.id, requirementAssessmentEvidence.evidenceId))
    .where(
      and(
        eq(requirementAssessments.assessmentId, header.id),
        eq(evidence.organizationId, header.organizationId),
        inArray(evidence.folderId, access.visibleFolderIds('evidence:read')),
      ),
    )
    .orderBy(asc(evidence.name));

  const assessments = assessmentRows.map(({ ra, updatedAtText }) => ({ ...ra, updatedAtText }));
  const byNode = new Map(assessments.map((ra) => [ra.requirementNodeId, ra]));
  const controlsOf = groupBy(controlLinks, (l) => l.raId);
  const evidenceOf = groupBy(evidenceLinks, (l) => l.raId);
  const nodeById = new Map(nodes.map((n) => [n.id, n]));
  // Headings are kept only above requirements in scope: an assessment limited to a group shows its own branch.
  const keep = new Set<string>();
  for (const node of nodes) {
    if (!byNode.has(node.id)) continue;
    for (let id: string | null = node.id; id && !keep.has(id); id = nodeById.get(id)?.parentId ?? null) keep.add(id);
  }
  return nodes
    .filter((n) => keep.has(n.id))
    .map((n) => {
      const parent = n.parentId ? nodeById.get(n.parentId) : undefined;
      const ra = byNode.get(n.id);
      return {
        nodeId: n.id,
        urn: n.urn,
        refId: n.refId,
        name: n.name,
        description: n.description,
        depth: n.depth,
        parentRefId: parent?.refId ?? null,
        parentUrn: parent?.urn ?? null,
        assessable: n.assessable,
        extra: n.extra ?? null,
        assessment: ra
          ? {
              id: ra.id,
              status: ra.status,
              result: ra.result,
              score: ra.score,
              isScored: ra.isScored,
              observation: ra.observation,
              inferred: ra.inferred,
              updatedAt: ra.updatedAt,
              updatedAtText: ra.updatedAtText,
              controls: (controlsOf.get(ra.id) ?? []).map(({ raId: _, ...c }) => c),
              evidence: (evidenceOf.get(ra.id) ?? []).map(({ raId: _, ...e }) => e),
            }
          : null,
      };
    });
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
