import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../schema.js';
import { call, createTestApp, type Session } from '../../test/app.js';
import { createFolder, createOrgWithOwner, userWithRole } from '../../test/factories.js';
import { assetsApi as api, createAsset, multipartFile, support } from './testing.js';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const upload = (session: Session | null, content: Buffer | string, query = '', fields: Record<string, string> = {}) => {
  const body = multipartFile('assets.csv', content, fields);
  const url = `${api}/import${query}`;
  return session
    ? call(t.app, session, { method: 'POST', url, ...body })
    : t.app.inject({ method: 'POST', url, ...body });
};
const exportOf = async (session: Session, format: 'csv' | 'xlsx') => {
  const response = await call(t.app, session, { method: 'GET', url: `${api}/export?format=${format}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.rawPayload;
};
const listAll = async (session: Session) =>
  (await call(t.app, session, { method: 'GET', url: `${api}?limit=200` })).json().items as {
    id: string;
    name: string;
    version: number;
    updatedAt: string;
  }[];

const header =
  'ref_id,name,type,category,folder,confidentiality,integrity,availability,rto_minutes,mtd_minutes,tags,owners,supports';

describe('asset import and export', () => {
  it('401, 400, 403 and 404 on import and export', async () => {
    const { session, rootFolderId, organization } = await createOrgWithOwner(t.app, t.database);
    expect((await upload(null, `${header}\n`)).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: `${api}/export` })).statusCode).toBe(401);
    expect((await upload(session, `${header}\n`, '?dryRun=maybe')).statusCode).toBe(400);
    expect((await call(t.app, session, { method: 'GET', url: `${api}/export?format=pdf` })).statusCode).toBe(400);
    const notMultipart = await call(t.app, session, { method: 'POST', url: `${api}/import`, payload: { file: 'x' } });
    expect(notMultipart.statusCode).toBe(415);
    expect((await upload(session, '')).statusCode).toBe(400);
    const noNameColumn = await upload(session, 'colour\nred\n');
    expect(noNameColumn.statusCode).toBe(400);
    expect(noNameColumn.json().errors[0].field).toBe('file[1]');
    const reader = await userWithRole(t.app, t.database, {
      organizationId: organization.id,
      folderId: rootFolderId,
      role: 'reader',
    });
    expect((await upload(reader.session, `${header}\n`)).statusCode).toBe(403);
    expect((await call(t.app, reader.session, { method: 'GET', url: `${api}/export` })).statusCode).toBe(200);
    const other = await createOrgWithOwner(t.app, t.database);
    const foreignFolder = await upload(session, `name,type\nX,supporting\n`, '', { folderId: other.rootFolderId });
    expect(foreignFolder.statusCode).toBe(404);
  });

  it('a dry run previews rows and located problems and writes nothing; the real import refuses them all', async () => {
    const { session, owner } = await createOrgWithOwner(t.app, t.database);
    const csv = [
      header,
      `APP-1,CRM,supporting,application,,High,,,60,30,crm,${owner.email},Sales`,
      'BP-1,Sales,primary,colourful,Nowhere,Extreme,,,,,,nobody@example.com,',
      ',,supporting,,,,,,abc,,,,',
    ].join('\n');
    const preview = await upload(session, csv, '?dryRun=true');
    expect(preview.statusCode, preview.body).toBe(200);
    const body = preview.json();
    expect(body).toMatchObject({ dryRun: true, created: 1 });
    const located = body.errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`);
    expect(located).toEqual(
      expect.arrayContaining([
        '2:mtd_minutes',
        '3:category',
        '3:folder',
        '3:confidentiality',
        '3:owners',
        '4:rto_minutes',
        '4:name',
      ]),
    );
    expect(await listAll(session)).toEqual([]);
    const real = await upload(session, csv);
    expect(real.statusCode).toBe(400);
    expect(real.json().errors.map((e: { field: string }) => e.field)).toContain('file[3].category');
    expect(await listAll(session)).toEqual([]);
  });

  it('imports new assets with folders, owners, objectives and dependencies within the file; refuses cycles at the row', async () => {
    const { session, rootFolderId, owner, organization } = await createOrgWithOwner(t.app, t.database, 'Acme');
    const it = await createFolder(t.app, session, rootFolderId, 'IT');
    const csv = [
      header,
      `BP-1,Sales,primary,business_process,Acme,High,2,,,,,${owner.email},`,
      `APP-1,CRM,supporting,application,Acme/IT,,,Critical,60,120,crm; saas,${owner.email},BP-1`,
      'SRV-1,Server,supporting,hardware,IT,0,,,,,,,CRM',
    ].join('\r\n');
    const done = await upload(session, csv);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ dryRun: false, created: 3, updated: 0 });
    const server = (await listAll(session)).find((a) => a.name === 'Server');
    const detail = (await call(t.app, session, { method: 'GET', url: `${api}/${server?.id}` })).json();
    expect(detail.folderId).toBe(it.id);
    expect(detail.supports.map((a: { name: string }) => a.name)).toEqual(['CRM']);
    expect(
      detail.effectiveObjectives.find((o: { objective: string }) => o.objective === 'confidentiality'),
    ).toMatchObject({
      level: 2,
      own: 0,
      path: ['Server', 'CRM', 'Sales'],
    });
    const crm = (await call(t.app, session, { method: 'GET', url: `${api}?q=CRM` })).json().items[0];
    expect(crm).toMatchObject({ tags: ['crm', 'saas'], rtoMinutes: 60, mtdMinutes: 120, owners: [{ id: owner.id }] });

    const cycle = await upload(session, `ref_id,name,supports\nBP-1,Sales,\nAPP-1,CRM,SRV-1\n`);
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().errors[0]).toMatchObject({ field: 'file[3].supports' });
    expect(cycle.json().errors[0].message).toContain('CRM → Server → CRM');
    const update = await upload(session, `ref_id,name,availability\nSRV-1,Main server,Low\n`);
    expect(update.json()).toMatchObject({
      updated: 1,
      rows: [{ action: 'update', changes: ['name', 'securityObjectives'] }],
    });
    const renamed = (await listAll(session)).find((a) => a.id === server?.id);
    expect(renamed?.name).toBe('Main server');
    const events = await t.database.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.organizationId, organization.id));
    expect(events.filter((e) => e.action === 'asset.imported')).toHaveLength(2);
  });

  for (const format of ['csv', 'xlsx'] as const) {
    it(`export → import (${format}) changes nothing`, async () => {
      const { session, rootFolderId, owner } = await createOrgWithOwner(t.app, t.database);
      const folder = await createFolder(t.app, session, rootFolderId, 'Data centre');
      const process = await createAsset(t.app, session, rootFolderId, {
        name: 'Billing, "monthly"',
        type: 'primary',
        category: 'business_process',
        refId: 'BP-7',
        description: '=SUM(A1) looks like a formula\nand has two lines',
        securityObjectives: { confidentiality: 3, integrity: 1 },
        businessValue: 'Revenue',
      });
      const app = await createAsset(t.app, session, folder.id, {
        name: 'Invoicing app',
        tags: ['finance', 'prod'],
        ownerIds: [owner.id],
        rtoMinutes: 30,
        rpoMinutes: 5,
        mtdMinutes: 60,
        securityObjectives: { availability: 2 },
      });
      const host = await createAsset(t.app, session, folder.id, { name: 'Host', category: 'hardware' });
      await support(t.app, session, app.id, process.id);
      await support(t.app, session, host.id, app.id);
      const before = await listAll(session);
      const file = await exportOf(session, format);
      const body = multipartFile(`assets.${format}`, file);
      const imported = await call(t.app, session, { method: 'POST', url: `${api}/import`, ...body });
      expect(imported.statusCode, imported.body).toBe(200);
      expect(imported.json()).toMatchObject({ created: 0, updated: 0, unchanged: 3, errors: [] });
      expect(await listAll(session)).toEqual(before);
      if (format === 'xlsx') {
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(file as unknown as ArrayBuffer);
        expect(workbook.getWorksheet('Assets')?.getRow(1).getCell(1).value).toBe('ref_id');
      }
    });
  }
});
