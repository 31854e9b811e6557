import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock.js';
import { call, createTestApp } from '../../test/app.js';
import { createFolder, createOrgWithOwner, grantPermissions, userWithRole } from '../../test/factories.js';
import { insertAcceptance, insertAssessment, insertScenario, testMatrix, userWithPermissions } from './testing.js';

const clock = new ManualClock(new Date('2026-03-10T12:00:00Z'));
let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(() => t.close());

const url = (id: string) => `/api/v1/risk-assessments/${id}/heat-map`;
const missing = '00000000-0000-4000-8000-000000000000';

describe('GET /risk-assessments/{id}/heat-map', () => {
  it('counts scenarios per cell and level, unrated apart, with the matrix and tolerance', async () => {
    const { session, organization, rootFolderId } = await createOrgWithOwner(t.app, t.database);
    const owner = { organizationId: organization.id, folderId: rootFolderId };
    const { assessment, matrix } = await insertAssessment(t.database, owner, { riskToleranceLevel: 1 });
    await insertScenario(t.database, assessment, { inherent: [2, 2], current: [2, 2], residual: [0, 0] });
    await insertScenario(t.database, assessment, { inherent: [2, 2], current: [1, 1], residual: [0, 0] });
    await insertScenario(t.database, assessment, { inherent: [2, 1], current: [0, 2] });
    await insertScenario(t.database, assessment, { current: [2, -1] });
    const other = await insertAssessment(t.database, owner);
    await insertScenario(t.database, other.assessment, { current: [2, 2] });

    const response = await call(t.app, session, { method: 'GET', url: url(assessment.id) });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.matrix).toEqual({ id: matrix.id, name: matrix.name, revision: 1, definition: testMatrix });
    expect(body.riskToleranceLevel).toBe(1);
    expect(body.inherent).toEqual([
      [0, 0, 0],
      [0, 0, 0],
      [0, 1, 2],
    ]);
    expect(body.current).toEqual([
      [0, 0, 1],
      [0, 1, 0],
      [0, 0, 1],
    ]);
    expect(body.residual).toEqual([
      [2, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
    ]);
    expect(body.unrated).toEqual({ inherent: 1, current: 1, residual: 2 });
    // current levels: [2,2]→2, [1,1]→1, [0,2]→1; tolerance 1 flags only the High one.
    expect(body.byLevel).toEqual({ current: [0, 2, 1], residual: [2, 0, 0] });
    expect(body.flaggedCount).toBe(1);
  });

  it('an acceptance in force unflags until it expires; pending, rejected or no tolerance flag nothing less', async () => {
    const { session, organization, rootFolderId } = await createOrgWithOwner(t.app, t.database);
    const owner = { organizationId: organization.id, folderId: rootFolderId };
    const { assessment } = await insertAssessment(t.database, owner, { riskToleranceLevel: 0 });
    const covered = await insertScenario(t.database, assessment, { current: [2, 2] });
    const pending = await insertScenario(t.database, assessment, { current: [1, 1] });
    await insertScenario(t.database, assessment, { current: [0, 0] });
    const flagged = async () =>
      (await call(t.app, session, { method: 'GET', url: url(assessment.id) })).json().flaggedCount;
    expect(await flagged()).toBe(2);

    await insertAcceptance(t.database, owner, [covered.id], { state: 'accepted', expiryDate: '2026-03-11' });
    await insertAcceptance(t.database, owner, [pending.id], { state: 'submitted', expiryDate: null });
    await insertAcceptance(t.database, owner, [pending.id], { state: 'rejected', expiryDate: null });
    expect(await flagged()).toBe(1);
    clock.set(new Date('2026-03-11T23:59:00Z'));
    expect(await flagged()).toBe(1);
    clock.set(new Date('2026-03-12T00:01:00Z'));
    expect(await flagged()).toBe(2);
    clock.set(new Date('2026-03-10T12:00:00Z'));

    const lenient = await insertAssessment(t.database, owner, { riskToleranceLevel: null });
    await insertScenario(t.database, lenient.assessment, { current: [2, 2] });
    const none = await call(t.app, session, { method: 'GET', url: url(lenient.assessment.id) });
    expect(none.json().flaggedCount).toBe(0);
    expect(none.json().riskToleranceLevel).toBeNull();
  });

  it('counts only scenarios the caller may read: risk_assessment:read alone shows the matrix with no counts', async () => {
    const { organization, rootFolderId } = await createOrgWithOwner(t.app, t.database);
    const owner = { organizationId: organization.id, folderId: rootFolderId };
    const { assessment } = await insertAssessment(t.database, owner, { riskToleranceLevel: 0 });
    await insertScenario(t.database, assessment, { inherent: [2, 2], current: [2, 2], residual: [1, 1] });
    await insertScenario(t.database, assessment, { inherent: [2, 1], current: [1, 1] });
    const { user, session } = await userWithPermissions(t.app, t.database, {
      ...owner,
      permissions: ['risk_assessment:read'],
    });
    const zeros = [
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
    ];

    const blind = await call(t.app, session, { method: 'GET', url: url(assessment.id) });
    expect(blind.statusCode, blind.body).toBe(200);
    expect(blind.json()).toMatchObject({
      matrix: { definition: testMatrix },
      riskToleranceLevel: 0,
      inherent: zeros,
      current: zeros,
      residual: zeros,
      unrated: { inherent: 0, current: 0, residual: 0 },
      flaggedCount: 0,
      byLevel: { current: [0, 0, 0], residual: [0, 0, 0] },
    });

    await grantPermissions(t.database, { ...owner, userId: user.id, permissions: ['risk_scenario:read'] });
    const seeing = (await call(t.app, session, { method: 'GET', url: url(assessment.id) })).json();
    expect(seeing.current).toEqual([
      [0, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ]);
    expect(seeing.unrated.residual).toBe(1);
    expect(seeing.flaggedCount).toBe(2);
  });

  it('answers 401, 400, 403, 404 (other organisation, unreadable folder, unknown) as it should', async () => {
    const { session, organization, rootFolderId } = await createOrgWithOwner(t.app, t.database);
    const team = await createFolder(t.app, session, rootFolderId, 'Team');
    const elsewhere = await createFolder(t.app, session, rootFolderId, 'Elsewhere');
    const { assessment } = await insertAssessment(t.database, { organizationId: organization.id, folderId: team.id });
    expect((await call(t.app, null, { method: 'GET', url: url(assessment.id) })).statusCode).toBe(401);
    const bad = await call(t.app, session, { method: 'GET', url: url('not-a-uuid') });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('id');
    expect((await call(t.app, session, { method: 'GET', url: url(missing) })).statusCode).toBe(404);

    const folderOnly = await userWithPermissions(t.app, t.database, {
      organizationId: organization.id,
      folderId: rootFolderId,
      permissions: ['folder:read'],
    });
    expect((await call(t.app, folderOnly.session, { method: 'GET', url: url(assessment.id) })).statusCode).toBe(403);
    const outsider = await userWithRole(t.app, t.database, {
      organizationId: organization.id,
      folderId: elsewhere.id,
      role: 'reader',
    });
    expect((await call(t.app, outsider.session, { method: 'GET', url: url(assessment.id) })).statusCode).toBe(404);
    const reader = await userWithRole(t.app, t.database, {
      organizationId: organization.id,
      folderId: team.id,
      role: 'reader',
    });
    expect((await call(t.app, reader.session, { method: 'GET', url: url(assessment.id) })).statusCode).toBe(200);

    const theirs = await createOrgWithOwner(t.app, t.database);
    expect((await call(t.app, theirs.session, { method: 'GET', url: url(assessment.id) })).statusCode).toBe(404);
  });
});
