import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { call, createTestApp } from '../../test/app.js';
import {
  createFolder,
  createOrgWithOwner,
  createUser,
  grantPermissions,
  signIn,
  userWithRole,
} from '../../test/factories.js';
import { createAssessment, createFinding, insertAsset, insertScenario } from './testing.js';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const missing = '00000000-0000-4000-8000-000000000000';
type Route = { method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'; url: string; payload?: object };

/** Every endpoint of the module, with a valid request against `ids`. */
function routes(ids: { finding: string; assessment: string; folder: string; target: string }): Route[] {
  const f = `/api/v1/findings/${ids.finding}`;
  const a = `/api/v1/findings-assessments/${ids.assessment}`;
  return [
    { method: 'GET', url: '/api/v1/findings' },
    { method: 'GET', url: f },
    { method: 'POST', url: '/api/v1/findings', payload: { folderId: ids.folder, title: 'x', severity: 'low' } },
    { method: 'PATCH', url: f, payload: { version: 1, title: 'y' } },
    { method: 'DELETE', url: `${f}?version=1` },
    { method: 'PUT', url: `${f}/assets`, payload: { assetIds: [] } },
    { method: 'POST', url: `${f}/assets`, payload: { assetId: ids.target } },
    { method: 'DELETE', url: `${f}/assets/${ids.target}` },
    { method: 'PUT', url: `${f}/applied-controls`, payload: { appliedControlIds: [] } },
    { method: 'POST', url: `${f}/applied-controls`, payload: { appliedControlId: ids.target } },
    { method: 'DELETE', url: `${f}/applied-controls/${ids.target}` },
    { method: 'PUT', url: `${f}/risk-scenarios`, payload: { riskScenarioIds: [] } },
    { method: 'POST', url: `${f}/risk-scenarios`, payload: { riskScenarioId: ids.target } },
    { method: 'DELETE', url: `${f}/risk-scenarios/${ids.target}` },
    { method: 'GET', url: '/api/v1/findings-assessments' },
    { method: 'GET', url: a },
    { method: 'POST', url: '/api/v1/findings-assessments', payload: { folderId: ids.folder, name: 'x' } },
    { method: 'PATCH', url: a, payload: { version: 1, name: 'y' } },
    { method: 'DELETE', url: `${a}?version=1` },
    { method: 'GET', url: '/api/v1/finding-slas' },
    {
      method: 'PUT',
      url: '/api/v1/finding-slas',
      payload: { version: 0, days: { critical: 1, high: 2, medium: 3, low: 4, info: null } },
    },
  ];
}

// Many requests per test on two shared cores: a generous timeout, no timing assertion.
vi.setConfig({ testTimeout: 180_000 });

describe('findings permissions', () => {
  it('answers 401 without credentials on every endpoint', async () => {
    for (const route of routes({ finding: missing, assessment: missing, folder: missing, target: missing })) {
      const response = await t.app.inject(route);
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(401);
    }
  });

  it('answers 400 naming the field on bad input', async () => {
    const { session, rootFolderId } = await createOrgWithOwner(t.app, t.database);
    const finding = await createFinding(t.app, session, { folderId: rootFolderId });
    const assessment = await createAssessment(t.app, session, rootFolderId);
    const f = `/api/v1/findings/${finding.id}`;
    const a = `/api/v1/findings-assessments/${assessment.id}`;
    const bad: [Route, string][] = [
      [{ method: 'GET', url: '/api/v1/findings?severity=huge' }, 'query.severity'],
      [{ method: 'GET', url: '/api/v1/findings/nope' }, 'params.id'],
      [{ method: 'POST', url: '/api/v1/findings', payload: { folderId: rootFolderId, title: 'x' } }, 'body.severity'],
      [{ method: 'PATCH', url: f, payload: { version: 1, dueDate: '2026-02-30' } }, 'body.dueDate'],
      [{ method: 'DELETE', url: `${f}?version=zero` }, 'query.version'],
      [{ method: 'PUT', url: `${f}/assets`, payload: { assetIds: ['x'] } }, 'body.assetIds.0'],
      [{ method: 'POST', url: `${f}/assets`, payload: {} }, 'body.assetId'],
      [{ method: 'DELETE', url: `${f}/assets/x` }, 'params.targetId'],
      [
        { method: 'PUT', url: `${f}/applied-controls`, payload: { appliedControlIds: [missing] } },
        'body.appliedControlIds',
      ],
      [{ method: 'POST', url: `${f}/applied-controls`, payload: { appliedControlId: 1 } }, 'body.appliedControlId'],
      [{ method: 'DELETE', url: `${f}/applied-controls/x` }, 'params.targetId'],
      [{ method: 'PUT', url: `${f}/risk-scenarios`, payload: { riskScenarioIds: [missing] } }, 'body.riskScenarioIds'],
      [{ method: 'POST', url: `${f}/risk-scenarios`, payload: { riskScenarioId: 'x' } }, 'body.riskScenarioId'],
      [{ method: 'DELETE', url: `${f}/risk-scenarios/x` }, 'params.targetId'],
      [{ method: 'GET', url: '/api/v1/findings-assessments?category=blog' }, 'query.category'],
      [{ method: 'GET', url: '/api/v1/findings-assessments/nope' }, 'params.id'],
      [
        { method: 'POST', url: '/api/v1/findings-assessments', payload: { folderId: rootFolderId, name: '' } },
        'body.name',
      ],
      [{ method: 'PATCH', url: a, payload: { version: 1, status: 'open' } }, 'body.status'],
      [{ method: 'DELETE', url: `${a}?version=-1` }, 'query.version'],
      [{ method: 'GET', url: '/api/v1/finding-slas?x=1' }, ''],
      [
        {
          method: 'PUT',
          url: '/api/v1/finding-slas',
          payload: { version: 0, days: { critical: 0, high: 2, medium: 3, low: 4, info: null } },
        },
        'body.days.critical',
      ],
      [
        {
          method: 'PUT',
          url: '/api/v1/finding-slas',
          payload: { version: 0, days: { critical: 1, high: 3651, medium: 3, low: 4, info: null } },
        },
        'body.days.high',
      ],
    ];
    for (const [route, field] of bad) {
      const response = await call(t.app, session, route);
      if (field === '') {
        // GET /finding-slas takes no query: unknown parameters are ignored, not refused.
        expect(response.statusCode).toBe(200);
        continue;
      }
      expect(response.statusCode, `${route.method} ${route.url} ${response.body}`).toBe(400);
      expect(
        (response.json().errors as { field: string }[]).map((e) => e.field),
        `${route.method} ${route.url}`,
      ).toContain(field);
    }
  });

  it('answers 403 to a reader on every write and 2xx to the owner', async () => {
    const { session, rootFolderId, organization } = await createOrgWithOwner(t.app, t.database);
    const finding = await createFinding(t.app, session, { folderId: rootFolderId });
    const assessment = await createAssessment(t.app, session, rootFolderId);
    const asset = await insertAsset(t.database, organization.id, rootFolderId);
    const reader = await userWithRole(t.app, t.database, {
      organizationId: organization.id,
      folderId: rootFolderId,
      role: 'reader',
    });
    const all = routes({ finding: finding.id, assessment: assessment.id, folder: rootFolderId, target: asset });
    for (const route of all) {
      const response = await call(t.app, reader.session, route);
      const expected = route.method === 'GET' ? 200 : 403;
      expect(response.statusCode, `${route.method} ${route.url} ${response.body}`).toBe(expected);
    }
    // A custom role without finding:read cannot read the SLAs either.
    const stranger = await createUser(t.database);
    const folder = await createFolder(t.app, session, rootFolderId);
    await grantPermissions(t.database, {
      organizationId: organization.id,
      folderId: folder.id,
      userId: stranger.id,
      permissions: ['asset:read'],
    });
    const strangerSession = { ...(await signIn(t.app, stranger.email)), organizationId: organization.id };
    expect((await call(t.app, strangerSession, { method: 'GET', url: '/api/v1/finding-slas' })).statusCode).toBe(403);
    // A manager below the root updates findings there but not the organisation's SLAs.
    const manager = await userWithRole(t.app, t.database, {
      organizationId: organization.id,
      folderId: folder.id,
      role: 'manager',
    });
    const slas = await call(t.app, manager.session, { method: 'GET', url: '/api/v1/finding-slas' });
    expect(slas.json().abilities).toEqual({ update: false });
    const put = all.at(-1) as Route;
    expect((await call(t.app, manager.session, put)).statusCode).toBe(403);

    // The owner: every endpoint succeeds (deletes last, links before).
    const scenario = await insertScenario(t.database, organization.id, rootFolderId);
    const control = await call(t.app, session, {
      method: 'POST',
      url: '/api/v1/applied-controls',
      payload: { folderId: rootFolderId, name: 'Patch management' },
    });
    const f = `/api/v1/findings/${finding.id}`;
    const ok: [Route, number][] = [
      [{ method: 'POST', url: `${f}/assets`, payload: { assetId: asset } }, 200],
      [{ method: 'DELETE', url: `${f}/assets/${asset}` }, 200],
      [{ method: 'PUT', url: `${f}/assets`, payload: { assetIds: [asset] } }, 200],
      [{ method: 'POST', url: `${f}/applied-controls`, payload: { appliedControlId: control.json().id } }, 200],
      [{ method: 'DELETE', url: `${f}/applied-controls/${control.json().id}` }, 200],
      [{ method: 'PUT', url: `${f}/applied-controls`, payload: { appliedControlIds: [control.json().id] } }, 200],
      [{ method: 'POST', url: `${f}/risk-scenarios`, payload: { riskScenarioId: scenario } }, 200],
      [{ method: 'DELETE', url: `${f}/risk-scenarios/${scenario}` }, 200],
      [{ method: 'PUT', url: `${f}/risk-scenarios`, payload: { riskScenarioIds: [scenario] } }, 200],
      [all[2] as Route, 201],
      [all[3] as Route, 200],
      [{ method: 'DELETE', url: `${f}?version=2` }, 204],
      [all[16] as Route, 201],
      [all[17] as Route, 200],
      [{ method: 'DELETE', url: `/api/v1/findings-assessments/${assessment.id}?version=2` }, 204],
      [put, 200],
    ];
    for (const [route, status] of ok) {
      const response = await call(t.app, session, route);
      expect(response.statusCode, `${route.method} ${route.url} ${response.body}`).toBe(status);
    }
  });

  it('answers 404 for another organisation’s objects and folders', async () => {
    const mine = await createOrgWithOwner(t.app, t.database);
    const theirs = await createOrgWithOwner(t.app, t.database);
    const finding = await createFinding(t.app, theirs.session, { folderId: theirs.rootFolderId });
    const assessment = await createAssessment(t.app, theirs.session, theirs.rootFolderId);
    const asset = await insertAsset(t.database, theirs.organization.id, theirs.rootFolderId);
    const all = routes({ finding: finding.id, assessment: assessment.id, folder: theirs.rootFolderId, target: asset });
    for (const route of all) {
      const response = await call(t.app, mine.session, route);
      if (
        route.method === 'GET' &&
        (route.url === '/api/v1/findings' || route.url === '/api/v1/findings-assessments')
      ) {
        expect(response.json().items, route.url).toEqual([]);
      } else if (route.url.startsWith('/api/v1/finding-slas')) {
        expect(response.statusCode).toBe(200); // the caller's own organisation's SLAs: nothing of theirs
      } else {
        expect(response.statusCode, `${route.method} ${route.url}`).toBe(404);
      }
    }
    // Their assessment as a reference, and acting in their organisation, are unknown too.
    const intoTheirs = await call(t.app, mine.session, {
      method: 'POST',
      url: '/api/v1/findings',
      payload: { folderId: mine.rootFolderId, title: 'x', severity: 'low', findingsAssessmentId: assessment.id },
    });
    expect(intoTheirs.statusCode).toBe(404);
    const asTheirs = await call(t.app, mine.session, {
      method: 'GET',
      url: '/api/v1/finding-slas',
      organizationId: theirs.organization.id,
    });
    expect(asTheirs.statusCode).toBe(404);
    const theirOwner = await call(t.app, mine.session, {
      method: 'POST',
      url: '/api/v1/findings',
      payload: { folderId: mine.rootFolderId, title: 'x', severity: 'low', ownerId: theirs.owner.id },
    });
    expect(theirOwner.statusCode).toBe(400);
  });

  it('a reader in a subfolder sees that subtree only; folders holding findings cannot be deleted', async () => {
    const { session, rootFolderId, organization } = await createOrgWithOwner(t.app, t.database);
    const sub = await createFolder(t.app, session, rootFolderId, 'Team');
    const outsideAssessment = await createAssessment(t.app, session, rootFolderId);
    const outside = await createFinding(t.app, session, { findingsAssessmentId: outsideAssessment.id });
    const inside = await createFinding(t.app, session, {
      folderId: sub.id,
      findingsAssessmentId: outsideAssessment.id,
      severity: 'critical',
    });
    const reader = await userWithRole(t.app, t.database, {
      organizationId: organization.id,
      folderId: sub.id,
      role: 'reader',
    });
    const list = await call(t.app, reader.session, { method: 'GET', url: '/api/v1/findings' });
    expect(list.json().items.map((i: { id: string }) => i.id)).toEqual([inside.id]);
    // The assessment lives outside the reader's folders: its name is not revealed.
    expect(list.json().items[0].findingsAssessment).toBeNull();
    expect(list.json().items[0].abilities).toEqual({ update: false, delete: false });
    expect(
      (await call(t.app, reader.session, { method: 'GET', url: `/api/v1/findings/${outside.id}` })).statusCode,
    ).toBe(404);
    expect(
      (
        await call(t.app, reader.session, {
          method: 'GET',
          url: `/api/v1/findings-assessments/${outsideAssessment.id}`,
        })
      ).statusCode,
    ).toBe(404);
    const figures = await call(t.app, session, {
      method: 'GET',
      url: `/api/v1/findings-assessments/${outsideAssessment.id}`,
    });
    expect(figures.json().findingCount).toBe(2);

    for (const folderId of [sub.id]) {
      const refused = await call(t.app, session, { method: 'DELETE', url: `/api/v1/folders/${folderId}?version=1` });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().detail).toContain('1 finding(s)');
    }
    const holder = await createFolder(t.app, session, rootFolderId, 'Holder');
    await createAssessment(t.app, session, holder.id);
    const refused = await call(t.app, session, { method: 'DELETE', url: `/api/v1/folders/${holder.id}?version=1` });
    expect(refused.json().detail).toContain('1 findings assessment(s)');
  });
});
