import { randomBytes } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import { expect } from 'vitest';
import type { TypedApp } from '../../platform/context.js';
import type { DatabaseHandle } from '../../platform/db/client.js';
import { call, type Session } from '../../test/app.js';
import type { LibraryContent } from '../frameworks/library-content.js';
import { requirementNodes } from '../frameworks/tables.js';
import { saveLibraryContent } from '../frameworks/writer.js';

/**
 * Test helper: two small frameworks owned by `organizationId` (or shipped with Rampart when null), each with a
 * section and two assessable requirements, and one reference control. Returns ids by ref id.
 */
export async function saveTwoFrameworks(
  database: DatabaseHandle,
  owner: { organizationId: string | null; folderId: string | null },
) {
  const tag = randomBytes(4).toString('hex');
  const framework = (code: string) => ({
    urn: `urn:test:${tag}:framework:${code}`,
    refId: `${code.toUpperCase()}-${tag}`,
    name: `Framework ${code.toUpperCase()} ${tag}`,
    frameworkVersion: '1',
    implementationGroups: [],
    nodes: [
      { urn: `urn:test:${tag}:${code}:s1`, refId: `${code}.1`, name: 'Section', assessable: false },
      {
        urn: `urn:test:${tag}:${code}:r1`,
        parentUrn: `urn:test:${tag}:${code}:s1`,
        refId: `${code}.1.1`,
        name: `Access reviews ${code}`,
        assessable: true,
      },
      {
        urn: `urn:test:${tag}:${code}:r2`,
        parentUrn: `urn:test:${tag}:${code}:s1`,
        refId: `${code}.1.2`,
        name: `Backups ${code}`,
        assessable: true,
      },
    ],
  });
  const content: LibraryContent = {
    sourceFormat: 'rampart',
    sourceSha256: randomBytes(32).toString('hex'),
    frameworks: [framework('a'), framework('b')],
    referenceControls: [{ urn: `urn:test:${tag}:rc:1`, refId: `RC-${tag}`, name: 'Reference control' }],
    mappingSets: [],
  };
  const result = await database.db.transaction((tx) => saveLibraryContent(tx, content, owner));
  const [a, b] = result.frameworks;
  if (!a || !b) throw new Error('frameworks not saved');
  return { tag, frameworkA: a.id, frameworkB: b.id };
}

export async function createControl(
  app: TypedApp,
  session: Session,
  folderId: string,
  fields: Record<string, unknown> = {},
) {
  const response = await call(app, session, {
    method: 'POST',
    url: '/api/v1/applied-controls',
    payload: { folderId, name: `Control ${randomBytes(3).toString('hex')}`, ...fields },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; version: number; name: string; abilities: Record<string, boolean> };
}

/** Ids of requirements a.1.1, a.1.2 and b.1.1 saved by `saveTwoFrameworks` under `tag`. */
export async function nodeIds(database: DatabaseHandle, tag: string) {
  const urns = [`urn:test:${tag}:a:r1`, `urn:test:${tag}:a:r2`, `urn:test:${tag}:b:r1`];
  const rows = await database.db
    .select({ id: requirementNodes.id, urn: requirementNodes.urn })
    .from(requirementNodes)
    .where(inArray(requirementNodes.urn, urns));
  const byUrn = new Map(rows.map((r) => [r.urn, r.id]));
  const [a1, a2, b1] = urns.map((urn) => byUrn.get(urn) ?? '');
  return { a1: a1 ?? '', a2: a2 ?? '', b1: b1 ?? '' };
}
