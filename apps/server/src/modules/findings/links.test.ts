import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { call, createTestApp } from '../../test/app.js';
import { createFolder, createOrgWithOwner, userWithRole } from '../../test/factories.js';
import { createFinding, insertAsset, insertScenario } from './testing.js';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

// Many requests per test on two shared cores: a generous timeout, no timing assertion.
vi.setConfig({ testTimeout: 180_000 });

describe('finding links', () => {
  it('links readable objects only, and leaves links the caller cannot see alone', async () => {
    const { session, rootFolderId, organization } = await createOrgWithOwner(t.app, t.database);
    const open = await createFolder(t.app, session, rootFolderId, 'Open');
    const secret = await createFolder(t.app, session, rootFolderId, 'Secret');
    const finding = await createFinding(t.app, session, { folderId: open.id });
    const visible = await insertAsset(t.database, organization.id, open.id);
    const hidden = await insertAsset(t.database, organization.id, secret.id);
    const scenario = await insertScenario(t.database, organization.id, secret.id);
    const url = `/api/v1/findings/${finding.id}`;
    const set = await call(t.app, session, {
      method: 'PUT',
      url: `${url}/assets`,
      payload: { assetIds: [visible, hidden] },
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().assetCount).toBe(2);
    await call(t.app, session, {
      method: 'PUT',
      url: `${url}/risk-scenarios`,
      payload: { riskScenarioIds: [scenario] },
    });

    const contributor = await userWithRole(t.app, t.database, {
      organizationId: organization.id,
      folderId: open.id,
      role: 'contributor',
    });
    const seen = await call(t.app, contributor.session, { method: 'GET', url });
    expect(seen.json().assets.map((a: { id: string }) => a.id)).toEqual([visible]);
    expect(seen.json().assetCount).toBe(1);
    expect(seen.json().riskScenarios).toEqual([]);
    expect(seen.json().riskScenarioCount).toBe(0);
    const outOfReach = await call(t.app, contributor.session, {
      method: 'POST',
      url: `${url}/assets`,
      payload: { assetId: hidden },
    });
    expect(outOfReach.statusCode).toBe(404);
    const unlinkHidden = await call(t.app, contributor.session, { method: 'DELETE', url: `${url}/assets/${hidden}` });
    expect(unlinkHidden.statusCode).toBe(404);
    const refused = await call(t.app, contributor.session, {
      method: 'PUT',
      url: `${url}/assets`,
      payload: { assetIds: [hidden] },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].field).toBe('body.assetIds');
    const cleared = await call(t.app, contributor.session, {
      method: 'PUT',
      url: `${url}/assets`,
      payload: { assetIds: [] },
    });
    expect(cleared.statusCode).toBe(200);
    const asOwner = await call(t.app, session, { method: 'GET', url });
    expect(asOwner.json().assets.map((a: { id: string }) => a.id)).toEqual([hidden]);

    // Another organisation's objects are unknown.
    const other = await createOrgWithOwner(t.app, t.database);
    const foreign = await insertAsset(t.database, other.organization.id, other.rootFolderId);
    const foreignAdd = await call(t.app, session, {
      method: 'POST',
      url: `${url}/assets`,
      payload: { assetId: foreign },
    });
    expect(foreignAdd.statusCode).toBe(404);
    const again = await call(t.app, session, { method: 'POST', url: `${url}/assets`, payload: { assetId: hidden } });
    expect(again.json().assetCount).toBe(1);
  });
});
