import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../schema.js';
import { call, createTestApp } from '../../test/app.js';
import { createFolder, createOrgWithOwner, userWithRole } from '../../test/factories.js';
import { assetsApi, createAsset } from './testing.js';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const url = '/api/v1/asset-settings';
const fiveLevels = [
  { level: 0, name: 'Negligible' },
  { level: 1, name: 'Limited' },
  { level: 2, name: 'Important' },
  { level: 3, name: 'Critical', description: 'Stops the business' },
  { level: 4, name: 'Vital' },
];

describe('asset settings', () => {
  it('answers the defaults, then saves a new scale with versions and an audit event', async () => {
    const { session, organization } = await createOrgWithOwner(t.app, t.database);
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    const defaults = await call(t.app, session, { method: 'GET', url });
    expect(defaults.statusCode).toBe(200);
    expect(defaults.json()).toMatchObject({
      objectiveScale: [
        { level: 0, name: 'Low' },
        { level: 1, name: 'Medium' },
        { level: 2, name: 'High' },
        { level: 3, name: 'Critical' },
      ],
      enabledObjectives: ['confidentiality', 'integrity', 'availability'],
      version: 0,
      abilities: { update: true },
    });
    const payload = { version: 0, objectiveScale: fiveLevels, enabledObjectives: ['safety', 'confidentiality'] };
    expect((await t.app.inject({ method: 'PUT', url, payload })).statusCode).toBe(401);
    const saved = await call(t.app, session, { method: 'PUT', url, payload });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ version: 1, enabledObjectives: ['confidentiality', 'safety'] });
    expect(saved.json().objectiveScale[3]).toEqual({ level: 3, name: 'Critical', description: 'Stops the business' });
    expect((await call(t.app, session, { method: 'PUT', url, payload })).statusCode).toBe(409);
    const again = await call(t.app, session, { method: 'PUT', url, payload: { ...payload, version: 1 } });
    expect(again.json().version).toBe(2);

    const events = await t.database.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.organizationId, organization.id));
    expect(events.map((e) => e.action)).toContain('asset_settings.updated');
  });

  it('validates the scale (400 naming the field) and asset writes against it', async () => {
    const { session, rootFolderId } = await createOrgWithOwner(t.app, t.database);
    const bad: [unknown, string][] = [
      [[{ level: 0, name: 'Only' }], 'body.objectiveScale'],
      [Array.from({ length: 11 }, (_, i) => ({ level: i, name: `L${i}` })), 'body.objectiveScale'],
      [
        [
          { level: 0, name: 'A' },
          { level: 0, name: 'B' },
        ],
        'body.objectiveScale.1.level',
      ],
      [
        [
          { level: 0, name: 'Same' },
          { level: 1, name: 'same' },
        ],
        'body.objectiveScale.1.name',
      ],
      [
        [
          { level: 0, name: 'A' },
          { level: 1, name: '' },
        ],
        'body.objectiveScale.1.name',
      ],
    ];
    for (const [objectiveScale, field] of bad) {
      const response = await call(t.app, session, {
        method: 'PUT',
        url,
        payload: { version: 0, objectiveScale, enabledObjectives: ['integrity'] },
      });
      expect(response.statusCode, JSON.stringify(objectiveScale)).toBe(400);
      expect(JSON.stringify(response.json().errors)).toContain(field);
    }
    const unknownObjective = await call(t.app, session, {
      method: 'PUT',
      url,
      payload: { version: 0, objectiveScale: fiveLevels, enabledObjectives: ['beauty'] },
    });
    expect(unknownObjective.statusCode).toBe(400);

    const asset = await createAsset(t.app, session, rootFolderId, { securityObjectives: { integrity: 3 } });
    const dropsUsedLevel = await call(t.app, session, {
      method: 'PUT',
      url,
      payload: { version: 0, objectiveScale: fiveLevels.slice(0, 3), enabledObjectives: ['integrity'] },
    });
    expect(dropsUsedLevel.statusCode).toBe(409);
    const saved = await call(t.app, session, {
      method: 'PUT',
      url,
      payload: { version: 0, objectiveScale: fiveLevels, enabledObjectives: ['integrity', 'safety'] },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const ok = await call(t.app, session, {
      method: 'PATCH',
      url: `${assetsApi}/${asset.id}`,
      payload: { version: 1, securityObjectives: { integrity: 4, safety: 0 } },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const disabled = await call(t.app, session, {
      method: 'PATCH',
      url: `${assetsApi}/${asset.id}`,
      payload: { version: 2, securityObjectives: { confidentiality: 1 } },
    });
    expect(disabled.statusCode).toBe(400);
    expect(JSON.stringify(disabled.json().errors)).toContain('body.securityObjectives.confidentiality');
  });

  it('needs asset:update on the root to change; asset:read somewhere to read', async () => {
    const { session, rootFolderId, organization } = await createOrgWithOwner(t.app, t.database);
    const sub = await createFolder(t.app, session, rootFolderId);
    const manager = await userWithRole(t.app, t.database, {
      organizationId: organization.id,
      folderId: rootFolderId,
      role: 'manager',
    });
    const subManager = await userWithRole(t.app, t.database, {
      organizationId: organization.id,
      folderId: sub.id,
      role: 'manager',
    });
    const payload = { version: 0, objectiveScale: fiveLevels, enabledObjectives: ['integrity'] };
    const refused = await call(t.app, subManager.session, { method: 'PUT', url, payload });
    expect(refused.statusCode).toBe(403);
    const read = await call(t.app, subManager.session, { method: 'GET', url });
    expect(read.json().abilities).toEqual({ update: false });
    const allowed = await call(t.app, manager.session, { method: 'PUT', url, payload });
    expect(allowed.statusCode, allowed.body).toBe(200);
    // Another organisation's user cannot reach these settings at all.
    const stranger = await createOrgWithOwner(t.app, t.database);
    const foreign = await call(t.app, stranger.session, { method: 'GET', url, organizationId: organization.id });
    expect(foreign.statusCode).toBe(404);
  });
});
