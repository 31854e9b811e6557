import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock.js';
import { call, createTestApp } from '../../test/app.js';
import { createFolder, createOrgWithOwner, grantPermissions, signIn, userWithRole } from '../../test/factories.js';
import { roleBindings } from '../access/tables.js';
import { auditEvents } from '../audit/tables.js';
import { acceptancesApi as api, createAcceptance, insertScenarios, transition } from './testing.js';

const clock = new ManualClock();
let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(() => t.close());
beforeEach(() => clock.set(new Date('2026-03-01T10:00:00Z')));

/** Sessions expire when the clock jumps months ahead: sign in again at the new time. */
async function again(user: { email: string }, organizationId: string) {
  return { ...(await signIn(t.app, user.email)), organizationId };
}

/**
 * An organisation with an editor (contributor), a manager (has risk_acceptance:approve) and an approver who reads
 * everything and holds risk_acceptance:approve, nothing else (the approval authority a named approver needs).
 */
async function setup() {
  const org = await createOrgWithOwner(t.app, t.database);
  const role = (name: string) =>
    userWithRole(t.app, t.database, { organizationId: org.organization.id, folderId: org.rootFolderId, role: name });
  const [editor, manager, approver] = [await role('contributor'), await role('manager'), await role('reader')];
  const approverRoleId = await grantPermissions(t.database, {
    organizationId: org.organization.id,
    folderId: org.rootFolderId,
    userId: approver.user.id,
    permissions: ['risk_acceptance:approve'],
  });
  const scenarios = await insertScenarios(t.database, {
    organizationId: org.organization.id,
    folderId: org.rootFolderId,
  });
  const ready = () =>
    createAcceptance(t.app, editor.session, org.rootFolderId, {
      justification: 'Legacy system, isolated network',
      approverId: approver.user.id,
      expiryDate: '2026-09-30',
      riskScenarioIds: scenarios,
    });
  return { ...org, editor, manager, approver, approverRoleId, scenarios, ready };
}

describe('risk acceptance transitions', () => {
  it('refuses a submission that lacks approver, expiry, justification or scenario, naming each', async () => {
    const { editor, rootFolderId } = await setup();
    const bare = await createAcceptance(t.app, editor.session, rootFolderId, { expiryDate: '2026-03-01' });
    const refused = await transition(t.app, editor.session, bare, 'submitted', 400);
    expect(refused.errors).toEqual([
      { field: 'approverId', message: expect.any(String) },
      { field: 'expiryDate', message: 'The expiry date must be in the future' },
      { field: 'justification', message: expect.any(String) },
      { field: 'scenarios', message: expect.any(String) },
    ]);
  });

  it('answers 409 invalid_transition naming from and to for a step the lifecycle lacks', async () => {
    const { editor, approver, ready } = await setup();
    const created = await ready();
    for (const to of ['created', 'accepted', 'rejected', 'revoked']) {
      const refused = await transition(t.app, approver.session, created, to, 409);
      expect(refused.code).toBe('invalid_transition');
      expect(refused.detail).toContain(`from created to ${to}`);
    }
    const submitted = await transition(t.app, editor.session, created, 'submitted');
    for (const to of ['submitted', 'revoked']) {
      expect((await transition(t.app, editor.session, submitted, to, 409)).code).toBe('invalid_transition');
    }
  });

  it('lets only the named approver accept or reject, not the owner or a manager', async () => {
    const { session, editor, manager, approver, ready, organization } = await setup();
    const submitted = await transition(t.app, editor.session, await ready(), 'submitted');
    expect(submitted).toMatchObject({ state: 'submitted', submittedAt: expect.any(String) });
    expect(submitted.abilities.transitions).toEqual(['created']);
    for (const who of [session, manager.session, editor.session]) {
      for (const to of ['accepted', 'rejected']) {
        const refused = await transition(t.app, who, submitted, to, 403);
        expect(refused.detail).toContain('Only the named approver');
      }
    }
    const asApprover = await call(t.app, approver.session, { method: 'GET', url: `${api}/${submitted.id}` });
    expect(asApprover.json().abilities.transitions).toEqual(['accepted', 'rejected']);
    const pending = await call(t.app, approver.session, { method: 'GET', url: `${api}?awaitingMe=true` });
    expect(pending.json().items.map((i: { id: string }) => i.id)).toEqual([submitted.id]);
    const accepted = await transition(t.app, approver.session, submitted, 'accepted', 200, 'Until the migration');
    expect(accepted).toMatchObject({
      state: 'accepted',
      inForce: true,
      expired: false,
      decidedBy: { id: approver.user.id },
      decidedAt: expect.any(String),
    });
    const [event] = await t.database.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.organizationId, organization.id),
          eq(auditEvents.objectId, submitted.id),
          eq(auditEvents.action, 'risk_acceptance.state_changed'),
          eq(auditEvents.actorUserId, approver.user.id),
        ),
      );
    expect(event?.changes).toEqual({
      state: { before: 'submitted', after: 'accepted' },
      comment: { after: 'Until the migration' },
    });
    const inForce = await call(t.app, editor.session, { method: 'GET', url: `${api}?inForce=true` });
    expect(inForce.json().items.map((i: { id: string }) => i.id)).toEqual([submitted.id]);
  });

  it('keeps the decision from anyone without approval authority: no self-naming, no decision after losing it', async () => {
    const { editor, approver, approverRoleId, ready, scenarios, rootFolderId } = await setup();
    // A contributor may edit acceptances but cannot name themselves approver and accept their own risk.
    const own = await createAcceptance(t.app, editor.session, rootFolderId, { riskScenarioIds: scenarios });
    const selfNamed = await call(t.app, editor.session, {
      method: 'PATCH',
      url: `${api}/${own.id}`,
      payload: { version: own.version, approverId: editor.user.id },
    });
    expect(selfNamed.statusCode, selfNamed.body).toBe(400);
    expect(selfNamed.json().errors[0].field).toBe('body.approverId');
    // A named approver whose authority is withdrawn before submission cannot be submitted to (re-checked then),
    // and after submission can no longer decide.
    const unsent = await ready();
    const submitted = await transition(t.app, editor.session, await ready(), 'submitted');
    await t.database.db.delete(roleBindings).where(eq(roleBindings.roleId, approverRoleId));
    const notSent = await transition(t.app, editor.session, unsent, 'submitted', 400);
    expect(notSent.errors).toEqual([{ field: 'body.approverId', message: expect.any(String) }]);
    const view = await call(t.app, approver.session, { method: 'GET', url: `${api}/${submitted.id}` });
    expect(view.json().abilities.transitions).toEqual([]);
    const refused = await transition(t.app, approver.session, submitted, 'accepted', 403);
    expect(refused.detail).toContain('holding risk_acceptance:approve');
  });

  it('re-checks the kept approver when the acceptance moves to another folder', async () => {
    const { session, editor, rootFolderId, organization } = await setup();
    const [granted, elsewhere] = [
      await createFolder(t.app, session, rootFolderId),
      await createFolder(t.app, session, rootFolderId),
    ];
    // Approval authority in one folder only: naming them there is fine, moving the acceptance away is not.
    const local = await userWithRole(t.app, t.database, {
      organizationId: organization.id,
      folderId: rootFolderId,
      role: 'reader',
    });
    await grantPermissions(t.database, {
      organizationId: organization.id,
      folderId: granted.id,
      userId: local.user.id,
      permissions: ['risk_acceptance:approve'],
    });
    const created = await createAcceptance(t.app, editor.session, granted.id, { approverId: local.user.id });
    const moved = await call(t.app, editor.session, {
      method: 'PATCH',
      url: `${api}/${created.id}`,
      payload: { version: created.version, folderId: elsewhere.id },
    });
    expect(moved.statusCode, moved.body).toBe(400);
    expect(moved.json().errors[0].field).toBe('body.approverId');
    const kept = await call(t.app, editor.session, { method: 'GET', url: `${api}/${created.id}` });
    expect(kept.json()).toMatchObject({ folderId: granted.id, version: created.version });
  });

  it('withdraws, rejects, and keeps decided records out of reach of edits', async () => {
    const { editor, manager, approver, ready, scenarios } = await setup();
    const submitted = await transition(t.app, editor.session, await ready(), 'submitted');
    const frozen = [
      { method: 'PATCH', url: `${api}/${submitted.id}`, payload: { version: submitted.version, name: 'x' } },
      { method: 'PUT', url: `${api}/${submitted.id}/scenarios`, payload: { riskScenarioIds: [] } },
      { method: 'DELETE', url: `${api}/${submitted.id}/scenarios/${scenarios[0]}` },
      { method: 'DELETE', url: `${api}/${submitted.id}?version=${submitted.version}` },
    ] as const;
    for (const request of frozen) {
      expect((await call(t.app, manager.session, request)).statusCode, request.method).toBe(409);
    }
    const withdrawn = await transition(t.app, editor.session, submitted, 'created');
    expect(withdrawn).toMatchObject({ state: 'created', submittedAt: null });
    const again = await transition(t.app, editor.session, withdrawn, 'submitted');
    const rejected = await transition(t.app, approver.session, again, 'rejected');
    expect(rejected).toMatchObject({ state: 'rejected', inForce: false, abilities: { transitions: [] } });
    for (const to of ['created', 'submitted', 'accepted', 'revoked']) {
      expect((await transition(t.app, approver.session, rejected, to, 409)).code).toBe('invalid_transition');
    }
    const editorDelete = await call(t.app, editor.session, {
      method: 'DELETE',
      url: `${api}/${rejected.id}?version=${rejected.version}`,
    });
    expect(editorDelete.statusCode).toBe(403);
    const managerDelete = await call(t.app, manager.session, {
      method: 'DELETE',
      url: `${api}/${rejected.id}?version=${rejected.version}`,
    });
    expect(managerDelete.statusCode, managerDelete.body).toBe(204);
  });

  it('revokes by the approver or by risk_acceptance:approve, not by an editor', async () => {
    const { editor, manager, approver, ready } = await setup();
    const accept = async () =>
      transition(
        t.app,
        approver.session,
        await transition(t.app, editor.session, await ready(), 'submitted'),
        'accepted',
      );
    const first = await accept();
    expect((await transition(t.app, editor.session, first, 'revoked', 403)).code).toBe('forbidden');
    const deleteAccepted = await call(t.app, manager.session, {
      method: 'DELETE',
      url: `${api}/${first.id}?version=${first.version}`,
    });
    expect(deleteAccepted.statusCode).toBe(409);
    const byManager = await transition(t.app, manager.session, first, 'revoked', 200, 'Migration done');
    expect(byManager).toMatchObject({ state: 'revoked', inForce: false, revokedAt: expect.any(String) });
    const second = await accept();
    expect((await transition(t.app, approver.session, second, 'revoked')).state).toBe('revoked');
    expect((await transition(t.app, approver.session, { ...second, version: 1 }, 'revoked', 409)).code).toBe(
      'invalid_transition',
    );
  });

  it('refuses a stale version and an acceptance past its expiry date', async () => {
    const { editor, approver, ready, organization } = await setup();
    const created = await ready();
    const submitted = await transition(t.app, editor.session, created, 'submitted');
    expect((await transition(t.app, approver.session, created, 'accepted', 409)).code).toBe('version_conflict');
    clock.set(new Date('2026-10-01T08:00:00Z'));
    const later = await again(approver.user, organization.id);
    const late = await transition(t.app, later, submitted, 'accepted', 409);
    expect(late.detail).toContain('expiry date has passed');
  });

  it('moves from in force to expired with the clock, without a state change', async () => {
    const { editor, approver, ready, organization } = await setup();
    const submitted = await transition(t.app, editor.session, await ready(), 'submitted');
    const accepted = await transition(t.app, approver.session, submitted, 'accepted');
    clock.set(new Date('2026-09-30T23:59:00Z'));
    const session = await again(editor.user, organization.id);
    const read = async () => (await call(t.app, session, { method: 'GET', url: `${api}/${accepted.id}` })).json();
    expect(await read()).toMatchObject({ state: 'accepted', inForce: true, expired: false });
    const expiring = await call(t.app, session, { method: 'GET', url: `${api}?expiringWithinDays=0` });
    expect(expiring.json().items).toHaveLength(1);
    clock.set(new Date('2026-10-01T00:00:01Z'));
    expect(await read()).toMatchObject({ state: 'accepted', inForce: false, expired: true });
    const notInForce = await call(t.app, session, { method: 'GET', url: `${api}?inForce=false` });
    expect(notInForce.json().items.map((i: { id: string }) => i.id)).toEqual([accepted.id]);
  });
});
