import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../platform/db/client.js';
import { insertAssessment } from '../assessments/creation.js';
import {
  complianceAssessments,
  requirementAssessmentControls,
  requirementAssessmentEvidence,
  requirementAssessments,
} from '../assessments/tables.js';
import { appliedControls } from '../controls/tables.js';
import { evidence } from '../evidence/tables.js';
import type { LibraryContent, RequirementNodeContent } from '../frameworks/library-content.js';
import { requirementNodes } from '../frameworks/tables.js';
import { saveLibraryContent } from '../frameworks/writer.js';

/**
 * Test arrangements for the exports: an ISO 27001-shaped framework (themes with controls under them), an
 * assessment of it, and applied controls and evidence to link. Written straight to the tables so these tests do
 * not depend on the other modules' endpoints.
 */
export function isoLikeFramework(
  controlsPerTheme = 3,
  themes = 2,
  scale: { minScore: number; maxScore: number } | null = null,
): LibraryContent {
  const urn = `urn:test:iso-like:${randomBytes(4).toString('hex')}`;
  const nodes: RequirementNodeContent[] = [];
  for (let t = 0; t < themes; t++) {
    const theme = `${urn}:a.${t + 5}`;
    nodes.push({ urn: theme, refId: `A.${t + 5}`, name: `Theme ${t + 5}`, assessable: false });
    for (let c = 1; c <= controlsPerTheme; c++) {
      nodes.push({
        urn: `${theme}.${c}`,
        parentUrn: theme,
        refId: `A.${t + 5}.${c}`,
        name: `Control ${t + 5}.${c} — policies for “information security”`,
        description: `Requirement text of A.${t + 5}.${c}.`,
        assessable: true,
      });
    }
  }
  return {
    sourceFormat: 'rampart',
    sourceSha256: randomBytes(32).toString('hex'),
    frameworks: [
      {
        urn,
        refId: 'ISO-LIKE',
        name: 'ISO-like controls',
        frameworkVersion: '2022',
        implementationGroups: [],
        nodes,
        ...(scale ?? {}),
      },
    ],
    referenceControls: [],
    mappingSets: [],
  };
}

export async function createFramework(
  database: DatabaseHandle,
  organizationId: string,
  folderId: string,
  content = isoLikeFramework(),
) {
  const saved = await database.db.transaction((tx) => saveLibraryContent(tx, content, { organizationId, folderId }));
  const framework = saved.frameworks[0];
  if (!framework) throw new Error('no framework saved');
  return { id: framework.id, urn: content.frameworks[0]?.urn ?? '' };
}

export async function createAssessment(
  database: DatabaseHandle,
  params: { organizationId: string; folderId: string; frameworkId: string; name?: string },
) {
  const created = await database.db.transaction((tx) =>
    insertAssessment(tx, { ...params, name: params.name ?? `Assessment ${randomBytes(3).toString('hex')}` }),
  );
  return created.id;
}

/** The requirement assessments of an assessment by ref id, with their links, for assertions. */
export async function requirementState(database: DatabaseHandle, assessmentId: string) {
  const rows = await database.db
    .select({ ra: requirementAssessments, refId: requirementNodes.refId, urn: requirementNodes.urn })
    .from(requirementAssessments)
    .innerJoin(requirementNodes, eq(requirementNodes.id, requirementAssessments.requirementNodeId))
    .where(eq(requirementAssessments.assessmentId, assessmentId))
    .orderBy(requirementNodes.orderIndex);
  const controls = await database.db.select().from(requirementAssessmentControls);
  const items = await database.db.select().from(requirementAssessmentEvidence);
  return rows.map(({ ra, refId, urn }) => ({
    id: ra.id,
    refId,
    urn,
    status: ra.status,
    result: ra.result,
    score: ra.isScored ? ra.score : null,
    observation: ra.observation,
    inferred: ra.inferred,
    version: ra.version,
    updatedAt: ra.updatedAt,
    controlIds: controls
      .filter((l) => l.requirementAssessmentId === ra.id)
      .map((l) => l.appliedControlId)
      .sort(),
    evidenceIds: items
      .filter((l) => l.requirementAssessmentId === ra.id)
      .map((l) => l.evidenceId)
      .sort(),
  }));
}

export async function createControl(
  database: DatabaseHandle,
  params: {
    organizationId: string;
    folderId: string;
    refId?: string | null;
    name: string;
    status?: 'active' | 'to_do';
  },
) {
  const [row] = await database.db
    .insert(appliedControls)
    .values({ ...params, refId: params.refId ?? null, status: params.status ?? 'active' })
    .returning();
  if (!row) throw new Error('no control');
  return row;
}

export async function createEvidence(
  database: DatabaseHandle,
  params: { organizationId: string; folderId: string; name: string },
) {
  const [row] = await database.db.insert(evidence).values(params).returning();
  if (!row) throw new Error('no evidence');
  return row;
}

/** Sets results and links directly, as the assessment workspace would. */
export async function assess(
  database: DatabaseHandle,
  requirementAssessmentId: string,
  values: {
    status?: 'to_do' | 'in_progress' | 'in_review' | 'done';
    result?: 'not_assessed' | 'compliant' | 'partially_compliant' | 'non_compliant' | 'not_applicable';
    score?: number | null;
    observation?: string | null;
    inferred?: boolean;
    controlIds?: string[];
    evidenceIds?: string[];
  },
) {
  const { controlIds, evidenceIds, score, ...rest } = values;
  await database.db
    .update(requirementAssessments)
    .set({ ...rest, ...(score !== undefined ? { score, isScored: score !== null } : {}), updatedAt: new Date() })
    .where(eq(requirementAssessments.id, requirementAssessmentId));
  for (const appliedControlId of controlIds ?? []) {
    await database.db.insert(requirementAssessmentControls).values({ requirementAssessmentId, appliedControlId });
  }
  for (const evidenceId of evidenceIds ?? []) {
    await database.db.insert(requirementAssessmentEvidence).values({ requirementAssessmentId, evidenceId });
  }
}

export async function lockAssessment(database: DatabaseHandle, assessmentId: string) {
  await database.db
    .update(complianceAssessments)
    .set({ status: 'done', lockedAt: new Date() })
    .where(eq(complianceAssessments.id, assessmentId));
}

/** A multipart/form-data body with one file in the field `file`. */
export function multipartFile(name: string, content: Buffer | string, field = 'file') {
  const boundary = `----rampart${randomBytes(6).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${name}"\r\n` +
      'Content-Type: application/octet-stream\r\n\r\n',
  );
  return {
    payload: Buffer.concat([head, Buffer.from(content), Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
