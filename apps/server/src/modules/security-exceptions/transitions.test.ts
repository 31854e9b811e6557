import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock.js';
import { outboxEmails } from '../../platform/mail/tables.js';
import { call, createTestApp } from '../../test/app.js';
import { createOrgWithOwner, grantPermissions, signIn, userWithRole } from '../../test/factories.js';
import { roleBindings } from '../access/tables.js';
import { auditEvents } from '../audit/tables.js';
import { createExceptionExpiry } from './expiry.js';
import { securityExceptions } from './tables.js';
import { exceptionsApi as api, createException, transitionException as move } from './testing.js';

const clock = new ManualClock();
let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(() => t.close());
beforeEach(() => clock.set(new Date('2026-03-01T10:00:00Z')));

async function setup() {
  const org = await createOrgWithOwner(t.app, t.database);
  const role = (name: string) =>
    userWithRole(t.app, t.database, { organizationId: org.organization.id, folderId: org.rootFolderId, role: name });
  const [editor, manager, approver, owner] = [
    await role('contributor'),
    await role('manager'),
    await role('reader'),
    await role('reader'),
  ];
  // A named approver needs approval authority in the folder; the owner (a reader) has none.
  const approverRoleId = await grantPermissions(t.database, {
    organizationId: org.organization.id,
    folderId: org.rootFolderId,
    userId: approver.user.id,
    permissions: ['security_exception:approve'],
  });
  const draft = (fields: Record<string, unknown> = {}) =>
    createException(t.app, editor.session, org.rootFolderId, {
      justification: 'Vendor patch pending',
      expiryDate: '2026-04-30',
      ownerId: owner.user.id,
      approverId: approver.user.id,
      ...fields,
    });
  return { ...org, editor, manager, approver, approverRoleId, owner, draft };
}

describe('security exception transitions', () => {
  it('names what a review needs and answers 409 invalid_transition for missing steps', async () => {
    const { editor, draft } = await setup();
    const bare = await draft({ justification: null, expiryDate: '2026-03-01' });
    const refused = await move(t.app, editor.session, bare, 'in_review', 400);
    expect(refused.errors).toEqual([
      { field: 'expiryDate', message: 'The expiry date must be in the future' },
      { field: 'justification', message: expect.any(String) },
    ]);
    for (const to of ['draft', 'approved', 'rejected', 'resolved', 'expired']) {
      const wrong = await move(t.app, editor.session, bare, to, 409);
      expect(wrong.code).toBe('invalid_transition');
      expect(wrong.detail).toContain(`from draft to ${to}`);
    }
  });

  it('lets only the named approver decide; without one, security_exception:approve', async () => {
    const { session, editor, manager, approver, owner, draft, rootFolderId } = await setup();
    // A contributor cannot name themselves approver (approval authority is part of being one).
    const selfNamed = await call(t.app, editor.session, {
      method: 'POST',
      url: api,
      payload: { folderId: rootFolderId, name: 'Mine', approverId: editor.user.id },
    });
    expect(selfNamed.statusCode, selfNamed.body).toBe(400);
    expect(selfNamed.json().errors[0].field).toBe('body.approverId');
    const review = await move(t.app, editor.session, await draft(), 'in_review');
    for (const who of [session, manager.session, editor.session]) {
      expect((await move(t.app, who, review, 'approved', 403)).detail).toContain('Only the named approver');
    }
    const approved = await move(t.app, approver.session, review, 'approved');
    expect(approved).toMatchObject({ state: 'approved', decidedBy: { id: approver.user.id } });
    for (const to of ['draft', 'in_review', 'rejected', 'expired']) {
      expect((await move(t.app, manager.session, approved, to, 409)).code).toBe('invalid_transition');
    }

    const unnamed = await move(t.app, editor.session, await draft({ approverId: null }), 'in_review');
    expect((await move(t.app, editor.session, unnamed, 'approved', 403)).code).toBe('forbidden');
    expect((await move(t.app, owner.session, unnamed, 'approved', 403)).code).toBe('forbidden');
    const pending = await call(t.app, approver.session, { method: 'GET', url: `${api}?awaitingMe=true` });
    expect(pending.json().items).toEqual([]);
    const rejected = await move(t.app, manager.session, unnamed, 'rejected');
    expect(rejected).toMatchObject({ state: 'rejected', abilities: { transitions: ['draft'] } });
    const back = await move(t.app, editor.session, rejected, 'draft');
    expect(back).toMatchObject({ state: 'draft', decidedAt: null, decidedBy: null });
  });

  it('withdraws a review to draft for security_exception:update, not for a reader', async () => {
    const { editor, owner, draft } = await setup();
    const review = await move(t.app, editor.session, await draft(), 'in_review');
    // The editor holds update but no approval authority, and an approver is named: withdrawing is their only step.
    expect(review.abilities.transitions).toEqual(['draft']);
    expect((await move(t.app, owner.session, review, 'draft', 403)).detail).toContain('from in_review to draft');
    const withdrawn = await move(t.app, editor.session, review, 'draft');
    expect(withdrawn).toMatchObject({
      state: 'draft',
      decidedAt: null,
      decidedBy: null,
      abilities: { update: true, transitions: ['in_review'] },
    });
  });

  it('unsticks a review whose approver lost security_exception:approve: withdraw, re-assign, decide', async () => {
    const { editor, manager, approver, approverRoleId, draft } = await setup();
    const review = await move(t.app, editor.session, await draft(), 'in_review');
    await t.database.db
      .delete(roleBindings)
      .where(and(eq(roleBindings.roleId, approverRoleId), eq(roleBindings.userId, approver.user.id)));
    const view = await call(t.app, approver.session, { method: 'GET', url: `${api}/${review.id}` });
    expect(view.json().abilities.transitions).toEqual([]);
    const refused = await move(t.app, approver.session, review, 'approved', 403);
    expect(refused.detail).toContain('holding security_exception:approve');
    // Nobody else may decide for a named approver: without the withdraw step the exception would stay in review.
    expect((await move(t.app, manager.session, review, 'approved', 403)).code).toBe('forbidden');
    const withdrawn = await move(t.app, editor.session, review, 'draft');
    // Sending it back unchanged re-checks the approver, who may no longer be one.
    const unchanged = (await move(t.app, editor.session, withdrawn, 'in_review', 400)) as {
      errors?: { field: string }[];
    };
    expect(unchanged.errors?.map((e) => e.field)).toEqual(['body.approverId']);
    const reassigned = await call(t.app, editor.session, {
      method: 'PATCH',
      url: `${api}/${review.id}`,
      payload: { version: withdrawn.version, approverId: manager.user.id },
    });
    expect(reassigned.statusCode, reassigned.body).toBe(200);
    const again = await move(t.app, editor.session, reassigned.json(), 'in_review');
    const approved = await move(t.app, manager.session, again, 'approved');
    expect(approved).toMatchObject({
      state: 'approved',
      approver: { id: manager.user.id },
      decidedBy: { id: manager.user.id },
    });
  });

  it('resolves by the owner or an editor, and keeps live exceptions from edits and deletion', async () => {
    const { editor, manager, approver, owner, draft } = await setup();
    const approved = await move(
      t.app,
      approver.session,
      await move(t.app, editor.session, await draft(), 'in_review'),
      'approved',
    );
    const frozen = [
      { method: 'PATCH', url: `${api}/${approved.id}`, payload: { version: approved.version, name: 'x' } },
      { method: 'PUT', url: `${api}/${approved.id}/applied-controls`, payload: { appliedControlIds: [] } },
      { method: 'DELETE', url: `${api}/${approved.id}?version=${approved.version}` },
    ] as const;
    for (const request of frozen) {
      expect((await call(t.app, manager.session, request)).statusCode, request.method).toBe(409);
    }
    expect((await move(t.app, approver.session, approved, 'resolved', 403)).code).toBe('forbidden');
    const resolved = await move(t.app, owner.session, approved, 'resolved');
    expect(resolved).toMatchObject({ state: 'resolved', abilities: { transitions: [] } });
    const editorDelete = await call(t.app, editor.session, {
      method: 'DELETE',
      url: `${api}/${resolved.id}?version=${resolved.version}`,
    });
    expect(editorDelete.statusCode).toBe(403);
    const managerDelete = await call(t.app, manager.session, {
      method: 'DELETE',
      url: `${api}/${resolved.id}?version=${resolved.version}`,
    });
    expect(managerDelete.statusCode, managerDelete.body).toBe(204);

    const other = await move(
      t.app,
      approver.session,
      await move(t.app, editor.session, await draft(), 'in_review'),
      'approved',
    );
    expect((await move(t.app, editor.session, other, 'resolved')).state).toBe('resolved');
  });

  it('expires approved exceptions with the clock, reminds once before, and renews through review', async () => {
    const { organization, editor, approver, owner, draft } = await setup();
    const approved = await move(
      t.app,
      approver.session,
      await move(t.app, editor.session, await draft(), 'in_review'),
      'approved',
    );
    const sweep = createExceptionExpiry({ db: t.database.db, clock, publicUrl: 'https://rampart.example.test' });
    const mails = () =>
      t.database.db.select().from(outboxEmails).where(eq(outboxEmails.organizationId, organization.id));
    const state = async () =>
      (await t.database.db.select().from(securityExceptions).where(eq(securityExceptions.id, approved.id)))[0];

    // The sweep covers every organisation (other tests' exceptions too): count this organisation's mails.
    await sweep();
    expect(await mails()).toHaveLength(0);
    clock.set(new Date('2026-03-31T08:00:00Z'));
    await sweep();
    await sweep();
    const reminders = await mails();
    expect(reminders.map((m) => m.to).sort()).toEqual([owner.user.email, approver.user.email].sort());
    expect(reminders[0]?.subject).toBe(`Security exception “${approved.name}” expires on 2026-04-30`);

    clock.set(new Date('2026-04-30T23:00:00Z'));
    await sweep();
    expect((await state())?.state).toBe('approved');
    clock.set(new Date('2026-05-01T00:10:00Z'));
    expect((await sweep()).expired).toBeGreaterThanOrEqual(1);
    await sweep();
    expect((await state())?.state).toBe('expired');
    expect((await state())?.version).toBe(approved.version + 1);
    expect((await mails()).filter((m) => m.subject.includes('expired on'))).toHaveLength(2);
    expect(await mails()).toHaveLength(4);
    const events = await t.database.db.select().from(auditEvents).where(eq(auditEvents.objectId, approved.id));
    expect(
      events.find((e) => e.actorType === 'system' && e.action === 'security_exception.state_changed')?.changes,
    ).toMatchObject({ state: { before: 'approved', after: 'expired' } });

    // Renewal: a new future expiry date (editable while expired), then review and approval again.
    const editorNow = { ...(await signIn(t.app, editor.user.email)), organizationId: organization.id };
    const approverNow = { ...(await signIn(t.app, approver.user.email)), organizationId: organization.id };
    const expired = (await call(t.app, editorNow, { method: 'GET', url: `${api}/${approved.id}` })).json();
    expect(expired.abilities).toMatchObject({ update: true, transitions: ['in_review'] });
    const stillPast = (await move(t.app, editorNow, expired, 'in_review', 400)) as { errors?: { field: string }[] };
    expect(stillPast.errors?.[0]?.field).toBe('expiryDate');
    const patched = await call(t.app, editorNow, {
      method: 'PATCH',
      url: `${api}/${approved.id}`,
      payload: { version: expired.version, expiryDate: '2026-11-30' },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const renewed = await move(
      t.app,
      approverNow,
      await move(t.app, editorNow, patched.json(), 'in_review'),
      'approved',
    );
    expect(renewed.state).toBe('approved');
  });
});
