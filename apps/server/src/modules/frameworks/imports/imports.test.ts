import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../../app.js';
import { systemClock } from '../../../platform/clock.js';
import type { TypedApp } from '../../../platform/context.js';
import type { DatabaseHandle } from '../../../platform/db/client.js';
import { createJobService } from '../../../platform/jobs/service.js';
import { jobRuns } from '../../../platform/jobs/tables.js';
import { startWorker } from '../../../platform/jobs/worker.js';
import { call, type Session, testConfig } from '../../../test/app.js';
import { cloneTestDatabase } from '../../../test/database.js';
import { createOrgWithOwner, userWithRole } from '../../../test/factories.js';
import { frameworks } from '../tables.js';
import { readFixture } from '../testing.js';

let app: TypedApp;
let database: DatabaseHandle;
let jobs: ReturnType<typeof createJobService>;
beforeAll(async () => {
  database = await cloneTestDatabase();
  jobs = createJobService({ database, clock: systemClock, log: pino({ level: 'silent' }) });
  app = await buildApp({ config: testConfig({ MAX_UPLOAD_BYTES: '200000' }), database, logger: false, jobs });
  await app.ready();
  await startWorker({ jobs, log: app.log });
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

/** A multipart/form-data body with the given fields and one file. */
function multipart(fields: Record<string, string>, file?: { name: string; content: string }) {
  const boundary = `----rampart${randomBytes(6).toString('hex')}`;
  const parts = Object.entries(fields).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  if (file) {
    parts.push(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\n` +
        `Content-Type: application/json\r\n\r\n${file.content}\r\n`,
    );
  }
  return {
    payload: `${parts.join('')}--${boundary}--\r\n`,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const upload = (session: Session | null, fields: Record<string, string>, file?: { name: string; content: string }) =>
  session
    ? call(app, session, { method: 'POST', url: '/api/v1/library/imports', ...multipart(fields, file) })
    : app.inject({ method: 'POST', url: '/api/v1/library/imports', ...multipart(fields, file) });

const settled = (id: string) =>
  vi.waitFor(
    async () => {
      const [run] = await database.db.select().from(jobRuns).where(eq(jobRuns.id, id));
      if (run?.status !== 'succeeded' && run?.status !== 'failed') throw new Error(`still ${run?.status}`);
      return run;
    },
    { timeout: 20_000, interval: 100 },
  );

const here = path.dirname(fileURLToPath(import.meta.url));
const catalog = { name: 'mini-catalog.json', content: readFixture('mini-catalog.json') };

describe('library imports', () => {
  it('401 without credentials', async () => {
    expect((await upload(null, { format: 'auto' }, catalog)).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/v1/library/imports' })).statusCode).toBe(401);
  });

  it('imports an OSCAL catalog in the background, then a profile onto it; the same file twice changes nothing', async () => {
    const { session, organization } = await createOrgWithOwner(app, database);
    const accepted = await upload(session, { format: 'auto' }, catalog);
    expect(accepted.statusCode, accepted.body).toBe(202);
    const run = await settled(accepted.json().jobId);
    expect(run).toMatchObject({ status: 'succeeded', progress: 100 });
    expect(run?.result).toMatchObject({
      format: 'oscal_catalog',
      frameworks: [expect.objectContaining({ outcome: 'created', name: 'Mini Catalog: Test Controls' })],
    });
    const again = await upload(session, { format: 'auto' }, catalog);
    expect(again.json()).toEqual({ jobId: accepted.json().jobId, created: false });
    const explicit = await upload(session, { format: 'oscal_catalog' }, catalog);
    expect((await settled(explicit.json().jobId))?.result).toMatchObject({
      frameworks: [expect.objectContaining({ outcome: 'unchanged' })],
    });
    const rows = await database.db.select().from(frameworks).where(eq(frameworks.organizationId, organization.id));
    expect(rows).toHaveLength(1);

    const profile = await upload(session, {}, { name: 'low.json', content: readFixture('mini-low-profile.json') });
    const applied = await settled(profile.json().jobId);
    expect(applied?.result).toMatchObject({
      format: 'oscal_profile',
      profile: { outcome: 'applied', implementationGroup: 'LOW', selected: 3 },
    });
    const list = await call(app, session, { method: 'GET', url: '/api/v1/library/imports' });
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toHaveLength(3);
    expect(list.json().items[0]).toMatchObject({ fileName: 'low.json', format: 'auto', status: 'succeeded' });
  });

  it('fails a malformed or truncated file with located issues, imports nothing, and does not retry', async () => {
    const { session, organization } = await createOrgWithOwner(app, database);
    const truncated = { name: 'cut.json', content: catalog.content.slice(0, 1500) };
    const run = await settled((await upload(session, { format: 'oscal_catalog' }, truncated)).json().jobId);
    expect(run).toMatchObject({ status: 'failed', attempts: 1 });
    expect(run?.error).toMatch(/ends too early/);
    expect(run?.result).toMatchObject({
      issues: [expect.objectContaining({ file: 'cut.json', line: expect.any(Number) })],
    });
    const doc = JSON.parse(catalog.content);
    delete doc.catalog.groups[1].controls[0].title;
    const shape = { name: 'shape.json', content: JSON.stringify(doc, null, 2) };
    const bad = await settled((await upload(session, { format: 'auto' }, shape)).json().jobId);
    expect(bad?.result).toMatchObject({
      issues: [expect.objectContaining({ path: '/catalog/groups/1/controls/0/title', message: 'required' })],
    });
    const unknown = await settled(
      (await upload(session, {}, { name: 'x.json', content: '{"hello": 1}' })).json().jobId,
    );
    expect(unknown?.error).toMatch(/Cannot tell the format/);
    expect(await database.db.select().from(frameworks).where(eq(frameworks.organizationId, organization.id))).toEqual(
      [],
    );
  });

  it('400 on a missing file, an unknown format or a bad frameworkId; 415 without multipart; 413 when too large', async () => {
    const { session } = await createOrgWithOwner(app, database);
    expect((await upload(session, { format: 'auto' })).statusCode).toBe(400);
    expect((await upload(session, { format: 'xlsx' }, catalog)).statusCode).toBe(400);
    expect((await upload(session, { frameworkId: 'nope' }, catalog)).statusCode).toBe(400);
    expect((await call(app, session, { method: 'GET', url: '/api/v1/library/imports?limit=0' })).statusCode).toBe(400);
    const json = await call(app, session, { method: 'POST', url: '/api/v1/library/imports', payload: { a: 1 } });
    expect(json.statusCode).toBe(415);
    const noBoundary = await call(app, session, {
      method: 'POST',
      url: '/api/v1/library/imports',
      headers: { 'content-type': 'multipart/form-data' },
      payload: 'garbage',
    });
    expect(noBoundary.statusCode).toBe(400);
    const big = { name: 'big.json', content: `{"catalog": ${' '.repeat(250_000)}}` };
    expect((await upload(session, {}, big)).statusCode).toBe(413);
  });

  it('403 for importing without framework:create at the root; runs of another organisation stay hidden (404)', async () => {
    const { organization, rootFolderId, session } = await createOrgWithOwner(app, database);
    const reader = await userWithRole(app, database, {
      organizationId: organization.id,
      folderId: rootFolderId,
      role: 'reader',
    });
    expect((await upload(reader.session, { format: 'auto' }, catalog)).statusCode).toBe(403);
    const accepted = await upload(session, { format: 'auto' }, catalog);
    await settled(accepted.json().jobId);
    const other = await createOrgWithOwner(app, database);
    const theirList = await call(app, other.session, { method: 'GET', url: '/api/v1/library/imports' });
    expect(theirList.json().items).toEqual([]);
    const theirView = await call(app, other.session, { method: 'GET', url: `/api/v1/jobs/${accepted.json().jobId}` });
    expect(theirView.statusCode).toBe(404);
    const readerList = await call(app, reader.session, { method: 'GET', url: '/api/v1/library/imports' });
    expect(readerList.json().items).toHaveLength(1);
  });
});

describe('OWASP ASVS through the pipeline', () => {
  it('recognises the ASVS JSON export and loads it with its levels as implementation groups', async () => {
    const { session } = await createOrgWithOwner(app, database);
    const file = {
      name: 'mini-asvs.json',
      content: readFileSync(path.join(here, '../formats/asvs/fixtures/mini-asvs.json'), 'utf8'),
    };
    const accepted = await upload(session, { format: 'auto' }, file);
    expect(accepted.statusCode, accepted.body).toBe(202);
    const run = await settled(accepted.json().jobId);
    expect(run, JSON.stringify(run?.result ?? run?.error)).toMatchObject({ status: 'succeeded' });
    const list = await call(app, session, { method: 'GET', url: '/api/v1/frameworks?q=Verification' });
    const asvs = list.json().items.find((f: { sourceFormat: string }) => f.sourceFormat === 'owasp_asvs');
    expect(asvs).toBeDefined();
    expect(asvs.implementationGroups.map((g: { refId: string }) => g.refId)).toEqual(['L1', 'L2', 'L3']);
  });
});

describe('importing again after a delete', () => {
  it('a deleted framework can be imported again from the same file (the old run no longer answers)', async () => {
    const { session } = await createOrgWithOwner(app, database);
    const first = await upload(session, { format: 'auto' }, catalog);
    const run = await settled(first.json().jobId);
    const frameworkId = (run?.result as { frameworks: { id: string }[] } | undefined)?.frameworks[0]?.id;
    expect(frameworkId).toBeDefined();
    const removed = await call(app, session, { method: 'DELETE', url: `/api/v1/frameworks/${frameworkId}` });
    expect(removed.statusCode, removed.body).toBe(204);

    const again = await upload(session, { format: 'auto' }, catalog);
    expect(again.statusCode).toBe(202);
    expect(again.json()).toMatchObject({ created: true });
    expect(again.json().jobId).not.toBe(first.json().jobId);
    expect((await settled(again.json().jobId))?.result).toMatchObject({
      frameworks: [expect.objectContaining({ outcome: 'created' })],
    });
  });
});
