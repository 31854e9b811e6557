import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type Session } from '../../test/app.js';
import { createOrgWithOwner, createUser, grantPermissions, signIn } from '../../test/factories.js';
import { createAsset } from '../assets/testing.js';
import { createControl } from '../controls/testing.js';
import { createThreat } from '../threats/testing.js';
import { riskScenarioAssets, riskScenarioControls, riskScenarioThreats } from './tables.js';
import { createAssessment, createScenario, insertMatrix } from './testing.js';

/**
 * Deleting an applied control, an asset or a threat must not rewrite a closed (done or deprecated) risk assessment
 * through the ON DELETE CASCADE of the scenario links: refused with 409 risk_assessment_locked until reopened.
 */
let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Org = Awaited<ReturnType<typeof createOrgWithOwner>>;

interface Kind {
  kind: string;
  api: string;
  create(org: Org): Promise<{ id: string; version: number }>;
  /** Link endpoints of a scenario (the control is linked as existing, then as planned: both cascade). */
  linkPaths: string[];
  linkField: string;
  linkCount(id: string): Promise<number>;
}

const count = async (rows: Promise<unknown[]>) => (await rows).length;

const kinds: Kind[] = [
  {
    kind: 'applied control',
    api: '/api/v1/applied-controls',
    create: (org) => createControl(t.app, org.session, org.rootFolderId),
    linkPaths: ['existing-controls', 'planned-controls'],
    linkField: 'appliedControlId',
    linkCount: (id) =>
      count(t.database.db.select().from(riskScenarioControls).where(eq(riskScenarioControls.appliedControlId, id))),
  },
  {
    kind: 'asset',
    api: '/api/v1/assets',
    create: (org) => createAsset(t.app, org.session, org.rootFolderId),
    linkPaths: ['assets'],
    linkField: 'assetId',
    linkCount: (id) => count(t.database.db.select().from(riskScenarioAssets).where(eq(riskScenarioAssets.assetId, id))),
  },
  {
    kind: 'threat',
    api: '/api/v1/threats',
    create: (org) => createThreat(t.app, org.session, org.rootFolderId),
    linkPaths: ['threats'],
    linkField: 'threatId',
    linkCount: (id) =>
      count(t.database.db.select().from(riskScenarioThreats).where(eq(riskScenarioThreats.threatId, id))),
  },
];

async function moveAssessment(session: Session, id: string, status: string) {
  const before = await call(t.app, session, { method: 'GET', url: `/api/v1/risk-assessments/${id}` });
  const moved = await call(t.app, session, {
    method: 'PATCH',
    url: `/api/v1/risk-assessments/${id}`,
    payload: { version: before.json().version, status },
  });
  expect(moved.statusCode, moved.body).toBe(200);
}

/** An assessment named `name` with one scenario linking the object (through `linkPath`). */
async function assessmentLinking(org: Org, kind: Kind, targetId: string, name: string, linkPath = kind.linkPaths[0]) {
  const matrix = await insertMatrix(t.database, { organizationId: null });
  const assessment = await createAssessment(t.app, org.session, org.rootFolderId, matrix.id, { name });
  const scenario = await createScenario(t.app, org.session, assessment.id);
  const linked = await call(t.app, org.session, {
    method: 'POST',
    url: `/api/v1/risk-scenarios/${scenario.id}/${linkPath}`,
    payload: { [kind.linkField]: targetId },
  });
  expect(linked.statusCode, linked.body).toBe(200);
  return assessment;
}

const remove = (session: Session, kind: Kind, target: { id: string; version: number }) =>
  call(t.app, session, { method: 'DELETE', url: `${kind.api}/${target.id}?version=${target.version}` });

describe.each(kinds)('deleting a linked $kind', (kind) => {
  it('is refused while a done assessment links it, naming them; allowed once they are reopened', async () => {
    const org = await createOrgWithOwner(t.app, t.database);
    const target = await kind.create(org);
    const q3 = await assessmentLinking(org, kind, target.id, 'Q3 review');
    const register = await assessmentLinking(org, kind, target.id, '2025 register', kind.linkPaths.at(-1));
    await assessmentLinking(org, kind, target.id, 'Still open');
    await moveAssessment(org.session, q3.id, 'done');
    await moveAssessment(org.session, register.id, 'done');

    const refused = await remove(org.session, kind, target);
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json().code).toBe('risk_assessment_locked');
    expect(refused.json().detail).toBe(
      `This ${kind.kind} is linked to scenarios of 2 locked (done or deprecated) risk assessments, ` +
        `"2025 register" and "Q3 review", whose records cannot change; reopen them (needs the approve permission) ` +
        `or keep the ${kind.kind}`,
    );
    const kept = await call(t.app, org.session, { method: 'GET', url: `${kind.api}/${target.id}` });
    expect(kept.statusCode).toBe(200);
    expect(await kind.linkCount(target.id)).toBe(3);

    await moveAssessment(org.session, q3.id, 'in_progress');
    const stillRefused = await remove(org.session, kind, target);
    expect(stillRefused.statusCode).toBe(409);
    expect(stillRefused.json().detail).toContain('of 1 locked (done or deprecated) risk assessment, "2025 register",');

    await moveAssessment(org.session, register.id, 'in_progress');
    const deleted = await remove(org.session, kind, target);
    expect(deleted.statusCode, deleted.body).toBe(204);
    expect(await kind.linkCount(target.id)).toBe(0);
  });

  it('goes through as before when only open assessments link it (they lose the link)', async () => {
    const org = await createOrgWithOwner(t.app, t.database);
    const target = await kind.create(org);
    await assessmentLinking(org, kind, target.id, 'Open one');
    expect(await kind.linkCount(target.id)).toBe(1);

    const deleted = await remove(org.session, kind, target);
    expect(deleted.statusCode, deleted.body).toBe(204);
    expect(await kind.linkCount(target.id)).toBe(0);
  });
});

describe('the refusal names closed assessments sparingly', () => {
  it('names two, counts the rest, and never names one the caller cannot read', async () => {
    const org = await createOrgWithOwner(t.app, t.database);
    const [kind] = kinds.filter((k) => k.kind === 'threat');
    if (!kind) throw new Error('no threat kind');
    const target = await kind.create(org);
    for (const name of ['Alpha', 'Bravo', 'Charlie']) {
      const assessment = await assessmentLinking(org, kind, target.id, name);
      await moveAssessment(org.session, assessment.id, 'done');
      // Deprecated (archived) assessments stay locked: they count as well.
      if (name === 'Charlie') await moveAssessment(org.session, assessment.id, 'deprecated');
    }
    const refused = await remove(org.session, kind, target);
    expect(refused.json().detail).toContain(
      'of 3 locked (done or deprecated) risk assessments, "Alpha", "Bravo" and 1 more,',
    );

    // May delete threats but not read risk assessments: learns how many, not their names.
    const user = await createUser(t.database);
    await grantPermissions(t.database, {
      organizationId: org.organization.id,
      folderId: org.rootFolderId,
      userId: user.id,
      permissions: ['threat:read', 'threat:delete'],
    });
    const session = await signIn(t.app, user.email);
    session.organizationId = org.organization.id;
    const blind = await remove(session, kind, target);
    expect(blind.statusCode, blind.body).toBe(409);
    expect(blind.json().code).toBe('risk_assessment_locked');
    expect(blind.json().detail).toContain('of 3 locked (done or deprecated) risk assessments whose records');
    expect(blind.json().detail).not.toMatch(/Alpha|Bravo|Charlie/);
    expect(await kind.linkCount(target.id)).toBe(3);
  });
});
