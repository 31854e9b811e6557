import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock.js';
import { call, createTestApp } from '../../test/app.js';
import { createFolder, createOrgWithOwner, grantPermissions, userWithRole } from '../../test/factories.js';
import { insertAssessment, insertControl, insertScenario, linkControl, userWithPermissions } from './testing.js';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp({ clock: new ManualClock(new Date('2026-03-10T12:00:00Z')) });
});
afterAll(() => t.close());

const url = (id: string) => `/api/v1/risk-assessments/${id}/treatment-plan`;
const missing = '00000000-0000-4000-8000-000000000000';

describe('GET /risk-assessments/{id}/treatment-plan', () => {
  it('lists planned controls by ETA with owners, overdue and treated scenarios, and the gaps', async () => {
    const { session, organization, rootFolderId, owner: user } = await createOrgWithOwner(t.app, t.database);
    const owner = { organizationId: organization.id, folderId: rootFolderId };
    const { assessment } = await insertAssessment(t.database, owner);
    const a = await insertScenario(t.database, assessment, {
      name: 'A phishing',
      current: [2, 2],
      residual: [0, 1],
      treatment: 'mitigate',
    });
    const b = await insertScenario(t.database, assessment, {
      name: 'B outage',
      current: [1, 1],
      treatment: 'mitigate',
    });
    const gap = await insertScenario(t.database, assessment, {
      name: 'C leak',
      current: [2, 1],
      treatment: 'mitigate',
    });
    await insertScenario(t.database, assessment, { name: 'D accepted', treatment: 'accept' });
    const onlyExisting = await insertScenario(t.database, assessment, { name: 'E existing', treatment: 'mitigate' });

    const late = await insertControl(t.database, owner, {
      name: 'MFA',
      refId: 'C-1',
      eta: '2026-03-01',
      status: 'in_progress',
      progress: 40,
      ownerIds: [user.id],
    });
    const doneLate = await insertControl(t.database, owner, { name: 'Backups', eta: '2026-02-01', status: 'active' });
    const undated = await insertControl(t.database, owner, { name: 'Awareness' });
    const future = await insertControl(t.database, owner, { name: 'DLP', eta: '2026-06-30' });
    const existing = await insertControl(t.database, owner, { name: 'Firewall' });
    await linkControl(t.database, a.id, late.id);
    await linkControl(t.database, b.id, late.id);
    await linkControl(t.database, a.id, doneLate.id);
    await linkControl(t.database, b.id, undated.id);
    await linkControl(t.database, a.id, future.id);
    await linkControl(t.database, onlyExisting.id, existing.id, 'existing');
    const elsewhere = await insertAssessment(t.database, owner);
    const foreign = await insertScenario(t.database, elsewhere.assessment);
    await linkControl(t.database, foreign.id, existing.id);

    const response = await call(t.app, session, { method: 'GET', url: url(assessment.id) });
    expect(response.statusCode, response.body).toBe(200);
    const plan = response.json();
    expect(plan.controls.map((c: { name: string }) => c.name)).toEqual(['Backups', 'MFA', 'DLP', 'Awareness']);
    const mfa = plan.controls[1];
    expect(mfa).toMatchObject({ id: late.id, refId: 'C-1', status: 'in_progress', eta: '2026-03-01', progress: 40 });
    expect(mfa.overdue).toBe(true);
    expect(mfa.owners).toEqual([{ id: user.id, displayName: user.displayName, email: user.email }]);
    expect(mfa.scenarios).toEqual([
      { id: a.id, refId: null, name: 'A phishing', currentLevel: 2, residualLevel: 0 },
      { id: b.id, refId: null, name: 'B outage', currentLevel: 1, residualLevel: -1 },
    ]);
    expect(plan.controls.map((c: { overdue: boolean }) => c.overdue)).toEqual([false, true, false, false]);
    expect(plan.gaps.map((g: { id: string }) => g.id)).toEqual([gap.id, onlyExisting.id]);
    expect(plan.gaps[0]).toMatchObject({ name: 'C leak', treatment: 'mitigate', currentLevel: 2 });
    expect(plan.matrix.definition.risk).toHaveLength(3);
  });

  it('hides controls in folders the caller cannot read but still counts them against gaps', async () => {
    const { session, organization, rootFolderId } = await createOrgWithOwner(t.app, t.database);
    const team = await createFolder(t.app, session, rootFolderId, 'Team');
    const secret = await createFolder(t.app, session, rootFolderId, 'Secret');
    const { assessment } = await insertAssessment(t.database, { organizationId: organization.id, folderId: team.id });
    const scenario = await insertScenario(t.database, assessment, { treatment: 'mitigate' });
    const hidden = await insertControl(t.database, { organizationId: organization.id, folderId: secret.id });
    await linkControl(t.database, scenario.id, hidden.id);
    const reader = await userWithRole(t.app, t.database, {
      organizationId: organization.id,
      folderId: team.id,
      role: 'reader',
    });
    const plan = (await call(t.app, reader.session, { method: 'GET', url: url(assessment.id) })).json();
    expect(plan.controls).toEqual([]);
    expect(plan.gaps).toEqual([]);
    const full = (await call(t.app, session, { method: 'GET', url: url(assessment.id) })).json();
    expect(full.controls.map((c: { id: string }) => c.id)).toEqual([hidden.id]);
  });

  it('names no scenario the caller may not read: risk_assessment:read alone lists no control and no gap', async () => {
    const { organization, rootFolderId } = await createOrgWithOwner(t.app, t.database);
    const owner = { organizationId: organization.id, folderId: rootFolderId };
    const { assessment } = await insertAssessment(t.database, owner);
    const treated = await insertScenario(t.database, assessment, { name: 'Treated secret', treatment: 'mitigate' });
    const gap = await insertScenario(t.database, assessment, { name: 'Untreated secret', treatment: 'mitigate' });
    const control = await insertControl(t.database, owner, { name: 'Encryption' });
    await linkControl(t.database, treated.id, control.id);
    // Controls are readable: only the missing risk_scenario:read keeps the plan empty.
    const { user, session } = await userWithPermissions(t.app, t.database, {
      ...owner,
      permissions: ['risk_assessment:read', 'applied_control:read'],
    });

    const blind = await call(t.app, session, { method: 'GET', url: url(assessment.id) });
    expect(blind.statusCode, blind.body).toBe(200);
    expect(blind.json()).toMatchObject({ controls: [], gaps: [] });
    expect(blind.body).not.toContain('secret');
    expect(blind.body).not.toContain('Encryption');

    await grantPermissions(t.database, { ...owner, userId: user.id, permissions: ['risk_scenario:read'] });
    const seeing = (await call(t.app, session, { method: 'GET', url: url(assessment.id) })).json();
    expect(seeing.controls.map((c: { id: string }) => c.id)).toEqual([control.id]);
    expect(seeing.controls[0].scenarios.map((s: { name: string }) => s.name)).toEqual(['Treated secret']);
    expect(seeing.gaps.map((g: { id: string }) => g.id)).toEqual([gap.id]);
  });

  it('answers 401, 400, 403 and 404 (other organisation, unknown)', async () => {
    const { session, organization, rootFolderId } = await createOrgWithOwner(t.app, t.database);
    const { assessment } = await insertAssessment(t.database, {
      organizationId: organization.id,
      folderId: rootFolderId,
    });
    expect((await call(t.app, null, { method: 'GET', url: url(assessment.id) })).statusCode).toBe(401);
    expect((await call(t.app, session, { method: 'GET', url: url('nope') })).statusCode).toBe(400);
    expect((await call(t.app, session, { method: 'GET', url: url(missing) })).statusCode).toBe(404);
    const folderOnly = await userWithPermissions(t.app, t.database, {
      organizationId: organization.id,
      folderId: rootFolderId,
      permissions: ['folder:read'],
    });
    expect((await call(t.app, folderOnly.session, { method: 'GET', url: url(assessment.id) })).statusCode).toBe(403);
    const theirs = await createOrgWithOwner(t.app, t.database);
    expect((await call(t.app, theirs.session, { method: 'GET', url: url(assessment.id) })).statusCode).toBe(404);
    const empty = await call(t.app, session, { method: 'GET', url: url(assessment.id) });
    expect(empty.statusCode).toBe(200);
    expect(empty.json()).toMatchObject({ controls: [], gaps: [] });
  });
});
