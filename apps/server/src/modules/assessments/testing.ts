import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { TypedApp } from '../../platform/context.js';
import type { DatabaseHandle } from '../../platform/db/client.js';
import { call, type Session } from '../../test/app.js';
import { parseRampartLibrary } from '../frameworks/formats/rampart/parse.js';
import type { LibraryContent } from '../frameworks/library-content.js';
import { saveLibraryContent } from '../frameworks/writer.js';

/** Test helpers of the assessments module: the hand-written mini framework and API shortcuts. */
const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * The mini framework: GOV (GOV-1 basic+extended, GOV-2 extended, GOV-3 withdrawn) and OPS (OPS-1 basic with
 * OPS-1(1) extended, OPS-2 basic+extended); scale 0–5. Five assessable requirements; basic = 3, extended = 4.
 */
export function miniFramework(
  overrides: { version?: string; withoutScale?: boolean; dropUrns?: string[] } = {},
): LibraryContent {
  const content = parseRampartLibrary(
    readFileSync(path.join(here, 'fixtures/mini-framework.json'), 'utf8'),
    'mini.json',
  );
  const framework = content.frameworks[0];
  if (!framework) throw new Error('fixture without a framework');
  if (overrides.version) framework.frameworkVersion = overrides.version;
  if (overrides.withoutScale) {
    framework.minScore = null;
    framework.maxScore = null;
    framework.scoresDefinition = null;
  }
  if (overrides.dropUrns) framework.nodes = framework.nodes.filter((n) => !overrides.dropUrns?.includes(n.urn));
  // Another file each time, so saving a variant never counts as importing the same file again.
  content.sourceSha256 = randomBytes(32).toString('hex');
  return content;
}

export async function seedFramework(
  database: DatabaseHandle,
  owner: { organizationId: string | null; folderId: string | null },
  content: LibraryContent = miniFramework(),
) {
  const result = await database.db.transaction((tx) => saveLibraryContent(tx, content, owner));
  const id = result.frameworks[0]?.id;
  if (!id) throw new Error('framework not saved');
  return id;
}

export const assessmentsApi = '/api/v1/compliance-assessments';

export async function createAssessment(
  app: TypedApp,
  session: Session,
  body: { folderId: string; frameworkId: string; name?: string; implementationGroups?: string[]; [k: string]: unknown },
) {
  const response = await call(app, session, {
    method: 'POST',
    url: assessmentsApi,
    payload: { name: `Assessment ${randomBytes(3).toString('hex')}`, ...body },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; version: number; requirementCount: number; [k: string]: unknown };
}

export interface WorkspaceItem {
  id: string;
  refId: string | null;
  assessment: { id: string; version: number; result: string; status: string; inferred: boolean } | null;
}

export async function workspaceOf(app: TypedApp, session: Session, assessmentId: string) {
  const response = await call(app, session, { method: 'GET', url: `${assessmentsApi}/${assessmentId}/requirements` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items as WorkspaceItem[];
}

/** The requirement assessment of the node with this ref id. */
export function byRef(items: WorkspaceItem[], refId: string) {
  const found = items.find((i) => i.refId === refId)?.assessment;
  if (!found) throw new Error(`no requirement assessment for ${refId}`);
  return found;
}
