import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../../../app.js';
import { systemClock } from '../../../../platform/clock.js';
import type { TypedApp } from '../../../../platform/context.js';
import type { DatabaseHandle } from '../../../../platform/db/client.js';
import { createJobService } from '../../../../platform/jobs/service.js';
import { jobRuns } from '../../../../platform/jobs/tables.js';
import { startWorker } from '../../../../platform/jobs/worker.js';
import { call, type Session, testConfig } from '../../../../test/app.js';
import { cloneTestDatabase } from '../../../../test/database.js';
import { createOrgWithOwner, createUser, signIn, userWithRole } from '../../../../test/factories.js';
import { memberships } from '../../../organizations/tables.js';
import { frameworks } from '../../tables.js';
import { fillTemplate } from './fill-template.js';

let app: TypedApp;
let database: DatabaseHandle;
beforeAll(async () => {
  database = await cloneTestDatabase();
  const jobs = createJobService({ database, clock: systemClock, log: pino({ level: 'silent' }) });
  app = await buildApp({ config: testConfig(), database, logger: false, jobs });
  await app.ready();
  await startWorker({ jobs, log: app.log });
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

function multipart(name: string, content: Buffer) {
  const boundary = `----rampart${randomBytes(6).toString('hex')}`;
  return {
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="format"\r\n\r\nauto\r\n` +
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\n` +
          'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n',
      ),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

async function importXlsx(session: Session, name: string, content: Buffer) {
  const accepted = await call(app, session, {
    method: 'POST',
    url: '/api/v1/library/imports',
    ...multipart(name, content),
  });
  expect(accepted.statusCode, accepted.body).toBe(202);
  return vi.waitFor(
    async () => {
      const [run] = await database.db.select().from(jobRuns).where(eq(jobRuns.id, accepted.json().jobId));
      if (run?.status !== 'succeeded' && run?.status !== 'failed') throw new Error(`still ${run?.status}`);
      return run;
    },
    { timeout: 20_000, interval: 100 },
  );
}

const urn = () => `urn:acme:framework:${randomBytes(3).toString('hex')}`;

describe('framework template download and XLSX library import', () => {
  it('GET /library/template.xlsx: 401 without a session, 403 without framework:read, the workbook otherwise', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/library/template.xlsx' })).statusCode).toBe(401);
    const { session, organization, rootFolderId } = await createOrgWithOwner(app, database);
    const response = await call(app, session, { method: 'GET', url: '/api/v1/library/template.xlsx' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toBe('attachment; filename="rampart-framework-template.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(['Instructions', 'framework', 'requirements']);
    const reader = await userWithRole(app, database, {
      organizationId: organization.id,
      folderId: rootFolderId,
      role: 'reader',
    });
    expect((await call(app, reader.session, { method: 'GET', url: '/api/v1/library/template.xlsx' })).statusCode).toBe(
      200,
    );
    // A member without any role reads no framework, so no template either.
    const member = await createUser(database);
    await database.db.insert(memberships).values({ organizationId: organization.id, userId: member.id });
    const memberSession = { ...(await signIn(app, member.email)), organizationId: organization.id };
    expect((await call(app, memberSession, { method: 'GET', url: '/api/v1/library/template.xlsx' })).statusCode).toBe(
      403,
    );
  });

  it('a filled-in template uploaded as .xlsx is detected, imported by the job, and its tree is browsable', async () => {
    const { session } = await createOrgWithOwner(app, database);
    const frameworkUrn = urn();
    const data = await fillTemplate({
      framework: { URN: frameworkUrn, 'Ref ID': 'ACME', Name: 'Acme baseline', Version: '1' },
      groups: [['L1', 'Level 1']],
      requirements: [
        { 'Ref ID': 'GOV', Name: 'Governance' },
        {
          'Ref ID': 'GOV-1',
          'Parent ref ID': 'GOV',
          Name: 'Policy',
          'Implementation groups': 'L1',
          Importance: 'mandatory',
        },
        { 'Ref ID': 'GOV-2', 'Parent ref ID': 'GOV', Name: 'Roles' },
        { 'Ref ID': 'OPS', Name: 'Operations', Assessable: 'yes' },
      ],
    });
    const run = await importXlsx(session, 'acme.xlsx', data);
    expect(run, JSON.stringify(run?.result)).toMatchObject({ status: 'succeeded' });
    expect(run?.result).toMatchObject({
      format: 'framework_xlsx',
      frameworks: [expect.objectContaining({ outcome: 'created' })],
    });
    const [saved] = await database.db.select().from(frameworks).where(eq(frameworks.urn, frameworkUrn));
    expect(saved).toMatchObject({ name: 'Acme baseline', requirementCount: 4, assessableCount: 3 });
    const tree = await call(app, session, { method: 'GET', url: `/api/v1/frameworks/${saved?.id}/requirements` });
    expect(tree.statusCode, tree.body).toBe(200);
    const items = (tree.json().items ?? tree.json()) as { refId: string; depth: number; assessable: boolean }[];
    expect(items.map((n) => [n.refId, n.depth, n.assessable])).toEqual([
      ['GOV', 0, false],
      ['GOV-1', 1, true],
      ['GOV-2', 1, true],
      ['OPS', 0, true],
    ]);
  });

  it('a malformed template fails the run with located issues and imports nothing', async () => {
    const { session } = await createOrgWithOwner(app, database);
    const frameworkUrn = urn();
    const data = await fillTemplate({
      framework: { URN: frameworkUrn, 'Ref ID': 'BAD', Name: 'Broken', Version: '1' },
      requirements: [
        { 'Ref ID': '1', Name: 'One' },
        { 'Ref ID': '1', Name: 'Duplicate' },
        { 'Ref ID': '2', 'Parent ref ID': 'missing', Name: 'Orphan' },
        { 'Ref ID': '3' },
      ],
    });
    const run = await importXlsx(session, 'broken.xlsx', data);
    expect(run?.status).toBe('failed');
    const issues = (run?.result as { issues?: { file: string; path: string; line: number; message: string }[] } | null)
      ?.issues;
    expect(issues).toEqual([
      { file: 'broken.xlsx', path: 'requirements!D5', line: 5, message: 'Column "Name": The name is required' },
      {
        file: 'broken.xlsx',
        path: 'requirements!B3',
        line: 3,
        message: 'Column "Ref ID": Ref ID "1" is already used on row 2',
      },
      {
        file: 'broken.xlsx',
        path: 'requirements!C4',
        line: 4,
        message: 'Column "Parent ref ID": No row has the ref ID "missing"',
      },
    ]);
    expect(await database.db.select().from(frameworks).where(eq(frameworks.urn, frameworkUrn))).toEqual([]);
  });
});
