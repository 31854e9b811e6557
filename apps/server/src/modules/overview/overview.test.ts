import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock.js';
import { call, createTestApp, type Session } from '../../test/app.js';
import { createFolder, createOrgWithOwner, createUser, signIn, userWithRole } from '../../test/factories.js';
import { statementsOf as countStatements } from '../../test/statements.js';
import { complianceAssessments } from '../assessments/tables.js';
import { appliedControlRequirements, type appliedControlStatuses, appliedControls } from '../controls/tables.js';
import { appliedControlEvidence, evidence, type evidenceStatuses } from '../evidence/tables.js';
import { requirementNodes } from '../frameworks/tables.js';
import { assessWith, loadChainedLibrary, setResults } from '../mapping-inference/testing.js';
import { memberships } from '../organizations/tables.js';

const clock = new ManualClock(new Date('2026-01-15T09:00:00Z'));
let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(() => t.close());

const missing = '00000000-0000-4000-8000-000000000000';

async function arrange() {
  const org = await createOrgWithOwner(t.app, t.database);
  const organizationId = org.organization.id;
  const ids = await loadChainedLibrary(t.database, organizationId, org.rootFolderId);
  const sub = await createFolder(t.app, org.session, org.rootFolderId);
  const nodes = await t.database.db
    .select({ id: requirementNodes.id, refId: requirementNodes.refId })
    .from(requirementNodes)
    .where(eq(requirementNodes.frameworkId, ids.A));
  const node = (refId: string) => nodes.find((n) => n.refId === refId)?.id ?? '';
  return { ...org, organizationId, ids, subFolderId: sub.id, node };
}

async function control(
  organizationId: string,
  folderId: string,
  name: string,
  status: (typeof appliedControlStatuses)[number],
  nodeIds: string[],
) {
  const [row] = await t.database.db
    .insert(appliedControls)
    .values({ organizationId, folderId, name, status })
    .returning();
  if (!row) throw new Error('no control');
  for (const requirementNodeId of nodeIds) {
    await t.database.db.insert(appliedControlRequirements).values({ appliedControlId: row.id, requirementNodeId });
  }
  return row.id;
}

async function addEvidence(
  organizationId: string,
  folderId: string,
  name: string,
  status: (typeof evidenceStatuses)[number],
  validUntil: string | null,
  controlIds: string[] = [],
) {
  const [row] = await t.database.db
    .insert(evidence)
    .values({ organizationId, folderId, name, status, validUntil })
    .returning();
  if (!row) throw new Error('no evidence');
  for (const appliedControlId of controlIds) {
    await t.database.db.insert(appliedControlEvidence).values({ appliedControlId, evidenceId: row.id });
  }
  return row.id;
}

/** How many SQL statements one GET sends (pg-boss polling left out). */
async function statementsOf(session: Session, url: string) {
  return (await countStatements(t.app, session, url)).count;
}

describe('coverage and dashboard API', () => {
  it('401 without credentials', async () => {
    for (const url of [`/api/v1/frameworks/${missing}/coverage`, '/api/v1/compliance/dashboard']) {
      expect((await t.app.inject({ method: 'GET', url })).statusCode, url).toBe(401);
    }
  });

  it('400 on bad parameters', async () => {
    const { session, ids } = await arrange();
    for (const url of [
      '/api/v1/frameworks/nope/coverage',
      `/api/v1/frameworks/${ids.A}/coverage?folderId=nope`,
      `/api/v1/frameworks/${ids.A}/coverage?extra=1`,
      '/api/v1/compliance/dashboard?folderId=nope',
    ]) {
      const response = await call(t.app, session, { method: 'GET', url });
      expect(response.statusCode, url).toBe(400);
    }
  });

  it('404 for another organisation’s framework or folder; 403 without framework:read', async () => {
    const mine = await arrange();
    const theirs = await arrange();
    for (const url of [
      `/api/v1/frameworks/${theirs.ids.A}/coverage`,
      `/api/v1/frameworks/${missing}/coverage`,
      `/api/v1/frameworks/${mine.ids.A}/coverage?folderId=${theirs.rootFolderId}`,
      `/api/v1/compliance/dashboard?folderId=${theirs.rootFolderId}`,
    ]) {
      expect((await call(t.app, mine.session, { method: 'GET', url })).statusCode, url).toBe(404);
    }
    const user = await createUser(t.database);
    await t.database.db.insert(memberships).values({ organizationId: mine.organizationId, userId: user.id });
    const roleless = await signIn(t.app, user.email);
    roleless.organizationId = mine.organizationId;
    const coverage = await call(t.app, roleless, { method: 'GET', url: `/api/v1/frameworks/${mine.ids.A}/coverage` });
    expect(coverage.statusCode).toBe(403);
    // The dashboard has nothing to refuse: it shows what the caller may read, here nothing.
    const dashboard = await call(t.app, roleless, { method: 'GET', url: '/api/v1/compliance/dashboard' });
    expect(dashboard.statusCode).toBe(200);
    expect(dashboard.json()).toMatchObject({ assessments: [], evidence: { expired: { count: 0 } } });
  });

  it('shows coverage per requirement with controls and evidence, scoped to readable folders', async () => {
    const { session, organizationId, rootFolderId, subFolderId, ids, node } = await arrange();
    const active = await control(organizationId, rootFolderId, 'MFA everywhere', 'active', [node('A1')]);
    await control(organizationId, subFolderId, 'Backups', 'in_progress', [node('A2'), node('A1')]);
    await control(organizationId, rootFolderId, 'Old firewall', 'deprecated', [node('A3')]);
    await addEvidence(organizationId, rootFolderId, 'MFA report', 'approved', '2026-12-31', [active]);
    await addEvidence(organizationId, rootFolderId, 'MFA audit 2025', 'approved', '2026-01-01', [active]);

    const response = await call(t.app, session, { method: 'GET', url: `/api/v1/frameworks/${ids.A}/coverage` });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.totals).toEqual({ assessable: 3, covered: 1, partial: 1, gaps: 1 });
    const byRef = Object.fromEntries(body.requirements.map((r: { refId: string }) => [r.refId, r]));
    expect(byRef.A1.coverage).toBe('covered');
    expect(byRef.A1.controls.map((c: { name: string }) => c.name)).toEqual(['Backups', 'MFA everywhere']);
    expect(byRef.A1.controls[1].evidence).toEqual([
      expect.objectContaining({ name: 'MFA audit 2025', validity: 'expired', validUntil: '2026-01-01' }),
      expect.objectContaining({ name: 'MFA report', validity: 'valid', status: 'approved' }),
    ]);
    expect(byRef.A2.coverage).toBe('partial');
    expect(byRef.A3).toMatchObject({ coverage: 'gap', controls: [expect.objectContaining({ status: 'deprecated' })] });

    const filtered = await call(t.app, session, {
      method: 'GET',
      url: `/api/v1/frameworks/${ids.A}/coverage?folderId=${subFolderId}`,
    });
    expect(filtered.json().totals).toEqual({ assessable: 3, covered: 0, partial: 2, gaps: 1 });

    // A contributor confined to the subfolder sees only the controls there.
    const confined = await userWithRole(t.app, t.database, {
      organizationId,
      folderId: subFolderId,
      role: 'contributor',
    });
    const scoped = await call(t.app, confined.session, { method: 'GET', url: `/api/v1/frameworks/${ids.A}/coverage` });
    expect(scoped.statusCode, scoped.body).toBe(200);
    expect(scoped.json().totals).toEqual({ assessable: 3, covered: 0, partial: 2, gaps: 1 });
  });

  it('answers coverage in a constant number of queries', async () => {
    const { session, organizationId, rootFolderId, ids, node } = await arrange();
    const url = `/api/v1/frameworks/${ids.A}/coverage`;
    const few = await statementsOf(session, url);
    for (let i = 0; i < 6; i++) {
      const id = await control(organizationId, rootFolderId, `Control ${i}`, 'active', [
        node('A1'),
        node('A2'),
        node('A3'),
      ]);
      await addEvidence(organizationId, rootFolderId, `Evidence ${i}`, 'approved', null, [id]);
    }
    expect(await statementsOf(session, url)).toBe(few);
    expect(few).toBeLessThanOrEqual(8);
  });

  it('sums the dashboard from readable assessments, controls and evidence', async () => {
    const { session, organizationId, rootFolderId, subFolderId, ids } = await arrange();
    const emptyStatements = await statementsOf(session, '/api/v1/compliance/dashboard');
    const scope = { organizationId, folderId: rootFolderId, frameworkId: ids.A };
    const first = await assessWith(t.database, { ...scope, name: 'A 2026' }, { A1: 'compliant', A2: 'non_compliant' });
    await assessWith(
      t.database,
      { ...scope, folderId: subFolderId, name: 'A sub' },
      { A1: 'compliant', A2: 'compliant', A3: 'not_applicable' },
    );
    const old = await assessWith(t.database, { ...scope, name: 'A old' }, { A1: 'non_compliant' });
    await t.database.db
      .update(complianceAssessments)
      .set({ status: 'deprecated' })
      .where(eq(complianceAssessments.id, old));
    await control(organizationId, rootFolderId, 'One', 'active', []);
    await control(organizationId, subFolderId, 'Two', 'active', []);
    await control(organizationId, rootFolderId, 'Three', 'to_do', []);
    const expired = await addEvidence(organizationId, rootFolderId, 'Expired policy', 'approved', '2026-01-10');
    await addEvidence(organizationId, rootFolderId, 'Marked expired', 'expired', null);
    const soon = await addEvidence(organizationId, subFolderId, 'Pentest', 'approved', '2026-02-01');
    await addEvidence(organizationId, rootFolderId, 'Far away', 'approved', '2026-06-01');

    const response = await call(t.app, session, { method: 'GET', url: '/api/v1/compliance/dashboard' });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.today).toBe('2026-01-15');
    expect(body.assessments.map((a: { name: string }) => a.name)).toEqual(['A 2026', 'A sub']);
    expect(body.assessments[0]).toMatchObject({
      id: first,
      requirementCount: 3,
      results: { compliant: 1, non_compliant: 1, not_assessed: 1 },
      compliancePercent: 50,
      progressPercent: 67,
      framework: { id: ids.A, name: 'Framework A' },
    });
    expect(body.frameworks).toEqual([
      expect.objectContaining({
        id: ids.A,
        assessmentCount: 2,
        requirementCount: 6,
        compliancePercent: 75,
        progressPercent: 83,
      }),
    ]);
    expect(body.results).toEqual({
      not_assessed: 1,
      compliant: 3,
      partially_compliant: 0,
      non_compliant: 1,
      not_applicable: 1,
    });
    expect(body.controlsByStatus).toMatchObject({ active: 2, to_do: 1, in_progress: 0 });
    expect(body.evidence.expired.count).toBe(2);
    expect(body.evidence.expired.items[0]).toMatchObject({ id: expired, validUntil: '2026-01-10' });
    expect(body.evidence.expiringSoon).toEqual({
      count: 1,
      items: [expect.objectContaining({ id: soon, name: 'Pentest' })],
    });

    const sub = await call(t.app, session, {
      method: 'GET',
      url: `/api/v1/compliance/dashboard?folderId=${subFolderId}`,
    });
    expect(sub.json().assessments.map((a: { name: string }) => a.name)).toEqual(['A sub']);
    expect(sub.json().controlsByStatus.active).toBe(1);
    expect(sub.json().evidence.expired.count).toBe(0);

    const confined = await userWithRole(t.app, t.database, { organizationId, folderId: subFolderId, role: 'reader' });
    const scoped = await call(t.app, confined.session, { method: 'GET', url: '/api/v1/compliance/dashboard' });
    expect(scoped.json().assessments.map((a: { name: string }) => a.name)).toEqual(['A sub']);
    expect(scoped.json().evidence.expiringSoon.count).toBe(1);

    // A result changes: the dashboard follows.
    await setResults(t.database, first, ids.A, { A2: 'compliant' });
    const after = await call(t.app, session, { method: 'GET', url: '/api/v1/compliance/dashboard' });
    expect(after.json().results).toMatchObject({ non_compliant: 0, compliant: 4 });
    expect(after.json().assessments[0]).toMatchObject({ id: first, compliancePercent: 100 });
    // As many statements with data as without: nothing is fetched per assessment, control or evidence.
    expect(await statementsOf(session, '/api/v1/compliance/dashboard')).toBe(emptyStatements);
  });
});
