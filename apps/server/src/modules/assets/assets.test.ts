import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../schema.js';
import { call, createTestApp } from '../../test/app.js';
import { createFolder, createOrgWithOwner, userWithRole } from '../../test/factories.js';
import { assetsApi as api, createAsset, missingId } from './testing.js';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('assets CRUD', () => {
  it('creates, reads, updates and deletes with versions, owners and audit events', async () => {
    const { session, rootFolderId, owner, organization } = await createOrgWithOwner(t.app, t.database);
    const created = await call(t.app, session, {
      method: 'POST',
      url: api,
      payload: {
        folderId: rootFolderId,
        refId: 'SRV-1',
        name: 'Database server',
        type: 'supporting',
        category: 'hardware',
        businessValue: 'Hosts the ledger',
        securityObjectives: { confidentiality: 2, availability: 3 },
        rtoMinutes: 60,
        rpoMinutes: 15,
        mtdMinutes: 240,
        tags: ['prod', 'db', 'prod'],
        labels: { environment: 'production' },
        ownerIds: [owner.id],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const asset = created.json();
    expect(asset).toMatchObject({
      refId: 'SRV-1',
      tags: ['prod', 'db'],
      labels: { environment: 'production' },
      owners: [{ id: owner.id }],
      version: 1,
      abilities: { update: true, delete: true },
      supports: [],
      supportedBy: [],
    });
    expect(asset.effectiveObjectives.map((o: { objective: string }) => o.objective)).toEqual([
      'confidentiality',
      'integrity',
      'availability',
    ]);

    const got = await call(t.app, session, { method: 'GET', url: `${api}/${asset.id}` });
    expect(got.statusCode).toBe(200);
    expect(got.json().name).toBe('Database server');

    const patched = await call(t.app, session, {
      method: 'PATCH',
      url: `${api}/${asset.id}`,
      payload: { version: 1, name: 'DB server', rtoMinutes: null, ownerIds: [] },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ name: 'DB server', rtoMinutes: null, owners: [], version: 2 });

    const stale = await call(t.app, session, {
      method: 'PATCH',
      url: `${api}/${asset.id}`,
      payload: { version: 1, name: 'Again' },
    });
    expect(stale.statusCode).toBe(409);
    const staleDelete = await call(t.app, session, { method: 'DELETE', url: `${api}/${asset.id}?version=1` });
    expect(staleDelete.statusCode).toBe(409);
    const noVersion = await call(t.app, session, {
      method: 'PATCH',
      url: `${api}/${asset.id}`,
      payload: { name: 'x' },
    });
    expect(noVersion.statusCode).toBe(428);

    const deleted = await call(t.app, session, { method: 'DELETE', url: `${api}/${asset.id}?version=2` });
    expect(deleted.statusCode).toBe(204);
    expect((await call(t.app, session, { method: 'GET', url: `${api}/${asset.id}` })).statusCode).toBe(404);

    const actions = (
      await t.database.db
        .select({ action: auditEvents.action })
        .from(auditEvents)
        .where(eq(auditEvents.organizationId, organization.id))
    ).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['asset.created', 'asset.updated', 'asset.deleted']));
  });

  it('answers 401 without a session and 400 on bad input, naming the field', async () => {
    const { session, rootFolderId } = await createOrgWithOwner(t.app, t.database);
    const asset = await createAsset(t.app, session, rootFolderId);
    for (const request of [
      { method: 'GET', url: api },
      { method: 'GET', url: `${api}/${asset.id}` },
      { method: 'POST', url: api, payload: { folderId: rootFolderId, name: 'x', type: 'primary' } },
      { method: 'PATCH', url: `${api}/${asset.id}`, payload: { version: 1, name: 'x' } },
      { method: 'DELETE', url: `${api}/${asset.id}?version=1` },
    ] as const) {
      expect((await t.app.inject(request)).statusCode, `${request.method} ${request.url}`).toBe(401);
    }
    const cases: [Record<string, unknown>, string][] = [
      [{ folderId: rootFolderId, name: 'x' }, 'body.type'],
      [{ folderId: rootFolderId, name: 'x', type: 'primary', category: 'hardware' }, 'body.category'],
      [
        { folderId: rootFolderId, name: 'x', type: 'supporting', securityObjectives: { integrity: 7 } },
        'body.securityObjectives.integrity',
      ],
      [
        { folderId: rootFolderId, name: 'x', type: 'supporting', securityObjectives: { safety: 1 } },
        'body.securityObjectives.safety',
      ],
      [{ folderId: rootFolderId, name: 'x', type: 'supporting', rtoMinutes: 120, mtdMinutes: 60 }, 'body.mtdMinutes'],
      [{ folderId: rootFolderId, name: 'x', type: 'supporting', extra: 1 }, 'body'],
      [{ folderId: 'nope', name: 'x', type: 'supporting' }, 'body.folderId'],
    ];
    for (const [payload, field] of cases) {
      const response = await call(t.app, session, { method: 'POST', url: api, payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(JSON.stringify(response.json().errors), JSON.stringify(payload)).toContain(field);
    }
    const mtdAgainstStored = await call(t.app, session, {
      method: 'PATCH',
      url: `${api}/${asset.id}`,
      payload: { version: 1, rtoMinutes: 30, mtdMinutes: 10 },
    });
    expect(mtdAgainstStored.statusCode).toBe(400);
    expect((await call(t.app, session, { method: 'GET', url: `${api}/not-a-uuid` })).statusCode).toBe(400);
    expect((await call(t.app, session, { method: 'GET', url: `${api}?sort=colour` })).statusCode).toBe(400);
    expect((await call(t.app, session, { method: 'DELETE', url: `${api}/${asset.id}?version=x` })).statusCode).toBe(
      400,
    );
    expect((await call(t.app, session, { method: 'GET', url: `${api}/${missingId}` })).statusCode).toBe(404);
  });

  it('lists with filters, sorts and keyset pages', async () => {
    const { session, rootFolderId, owner, organization } = await createOrgWithOwner(t.app, t.database);
    const it = await createFolder(t.app, session, rootFolderId, 'IT');
    const process = await createAsset(t.app, session, rootFolderId, {
      name: 'Billing',
      type: 'primary',
      category: 'business_process',
      refId: 'BP-1',
    });
    const app = await createAsset(t.app, session, it.id, {
      name: 'ERP application',
      category: 'application',
      tags: ['erp'],
      ownerIds: [owner.id],
      description: 'Runs invoicing',
    });
    const server = await createAsset(t.app, session, it.id, {
      name: 'app server',
      category: 'hardware',
      refId: 'SRV-9',
    });
    await call(t.app, session, {
      method: 'POST',
      url: `${api}/${app.id}/supports`,
      payload: { supportedAssetId: process.id },
    });
    const ids = async (query: string) =>
      (await call(t.app, session, { method: 'GET', url: `${api}?${query}` }))
        .json()
        .items.map((i: { id: string }) => i.id);
    expect(await ids('q=invoic')).toEqual([app.id]);
    expect(await ids('q=srv-9')).toEqual([server.id]);
    expect(await ids('type=primary')).toEqual([process.id]);
    expect(await ids('category=hardware')).toEqual([server.id]);
    expect((await ids(`folderId=${it.id}`)).sort()).toEqual([app.id, server.id].sort());
    expect(await ids(`ownerId=${owner.id}`)).toEqual([app.id]);
    expect(await ids('tag=erp')).toEqual([app.id]);
    expect(await ids(`supportsAssetId=${process.id}`)).toEqual([app.id]);
    const listed = (await call(t.app, session, { method: 'GET', url: `${api}?q=ERP` })).json().items[0];
    expect(listed).toMatchObject({ supportsCount: 1, supportedByCount: 0, owners: [{ id: owner.id }] });

    for (const sort of ['name', '-name', 'refId', '-refId', 'type', '-type', 'updatedAt', '-updatedAt']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const url: string = `${api}?limit=1&sort=${sort}${cursor ? `&cursor=${cursor}` : ''}`;
        const page = (await call(t.app, session, { method: 'GET', url, organizationId: organization.id })).json();
        seen.push(...page.items.map((i: { id: string }) => i.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen.sort(), sort).toEqual([process.id, app.id, server.id].sort());
    }
    const byName = await ids('sort=name');
    expect(byName[0]).toBe(process.id);
    expect((await call(t.app, session, { method: 'GET', url: `${api}?cursor=garbage` })).statusCode).toBe(400);
  });

  it('a contributor may not delete; a folder holding assets cannot be deleted', async () => {
    const { session, rootFolderId, organization } = await createOrgWithOwner(t.app, t.database);
    const folder = await createFolder(t.app, session, rootFolderId);
    const asset = await createAsset(t.app, session, folder.id);
    const contributor = await userWithRole(t.app, t.database, {
      organizationId: organization.id,
      folderId: rootFolderId,
      role: 'contributor',
    });
    const refusedDelete = await call(t.app, contributor.session, {
      method: 'DELETE',
      url: `${api}/${asset.id}?version=1`,
    });
    expect(refusedDelete.statusCode).toBe(403);
    const refused = await call(t.app, session, { method: 'DELETE', url: `/api/v1/folders/${folder.id}?version=1` });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain('1 asset(s)');
    await call(t.app, session, { method: 'DELETE', url: `${api}/${asset.id}?version=1` });
    const allowed = await call(t.app, session, { method: 'DELETE', url: `/api/v1/folders/${folder.id}?version=1` });
    expect(allowed.statusCode, allowed.body).toBe(204);
  });
});
