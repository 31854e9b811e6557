import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock.js';
import { outboxEmails } from '../../platform/mail/tables.js';
import { call, createTestApp, type Session } from '../../test/app.js';
import { createOrgWithOwner, userWithRole } from '../../test/factories.js';
import { memberships } from '../organizations/tables.js';
import { claimReminder, createExpirySweep } from './reminders.js';
import { evidence } from './tables.js';

/** Who an expiry reminder goes to, and what a claim made on stale data does (see reminders.ts). */
const clock = new ManualClock(new Date('2026-03-01T10:00:00Z'));
const today = '2026-03-01';
const publicUrl = 'https://rampart.example.test';
let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(() => t.close());

async function setup() {
  const org = await createOrgWithOwner(t.app, t.database);
  const member = async () =>
    (
      await userWithRole(t.app, t.database, {
        organizationId: org.organization.id,
        folderId: org.rootFolderId,
        role: 'contributor',
      })
    ).user;
  const create = async (session: Session, fields: Record<string, unknown>) => {
    const response = await call(t.app, session, {
      method: 'POST',
      url: '/api/v1/evidence',
      payload: { folderId: org.rootFolderId, name: `Certificate ${Math.random().toString(36).slice(2, 7)}`, ...fields },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: string; version: number };
  };
  const mails = () =>
    t.database.db.select().from(outboxEmails).where(eq(outboxEmails.organizationId, org.organization.id));
  const remindedFor = async (id: string) =>
    (await t.database.db.select({ at: evidence.remindedFor }).from(evidence).where(eq(evidence.id, id)))[0]?.at;
  const setMembership = (userId: string, status: 'active' | 'suspended') =>
    t.database.db
      .update(memberships)
      .set({ status })
      .where(and(eq(memberships.organizationId, org.organization.id), eq(memberships.userId, userId)));
  return { ...org, member, create, mails, remindedFor, setMembership };
}

describe('expiry reminder recipients', () => {
  it('mails no suspended or removed owner, leaves their reminder unclaimed, and sends it once an owner is active', async () => {
    const { session, organization, member, create, mails, remindedFor, setMembership } = await setup();
    const suspended = await member();
    const removed = await member();
    // Removed here but still active in another organisation: membership is per organisation.
    const elsewhere = await createOrgWithOwner(t.app, t.database);
    await t.database.db
      .insert(memberships)
      .values({ organizationId: elsewhere.organization.id, userId: removed.id })
      .onConflictDoNothing();
    const ofSuspended = await create(session, { ownerId: suspended.id, validUntil: '2026-03-10' });
    const ofRemoved = await create(session, { ownerId: removed.id, validUntil: '2026-03-12' });
    await setMembership(suspended.id, 'suspended');
    await t.database.db
      .delete(memberships)
      .where(and(eq(memberships.organizationId, organization.id), eq(memberships.userId, removed.id)));

    const sweep = createExpirySweep({ db: t.database.db, clock, publicUrl });
    expect((await sweep()).reminded).toBe(0);
    expect(await mails()).toEqual([]);
    expect(await remindedFor(ofSuspended.id)).toBeNull();
    expect(await remindedFor(ofRemoved.id)).toBeNull();

    // Reinstated: the pending reminder goes out. A new active owner gets the other one.
    await setMembership(suspended.id, 'active');
    const newOwner = await member();
    const reassigned = await call(t.app, session, {
      method: 'PATCH',
      url: `/api/v1/evidence/${ofRemoved.id}`,
      payload: { version: ofRemoved.version, ownerId: newOwner.id },
    });
    expect(reassigned.statusCode, reassigned.body).toBe(200);
    expect((await sweep()).reminded).toBe(2);
    expect((await mails()).map((m) => m.to).sort()).toEqual([suspended.email, newOwner.email].sort());
    expect(await remindedFor(ofSuspended.id)).toBe('2026-03-10');
  });

  it('a claim made on stale data (validity date or owner changed since the SELECT) claims nothing', async () => {
    const { session, owner, member, create, mails, remindedFor } = await setup();
    const item = await create(session, { ownerId: owner.id, validUntil: '2026-03-10' });
    const selected = { id: item.id, ownerId: owner.id, validUntil: '2026-03-10' };

    // Between the sweep's SELECT and its UPDATE, the date moves (still within the window).
    const moved = await call(t.app, session, {
      method: 'PATCH',
      url: `/api/v1/evidence/${item.id}`,
      payload: { version: item.version, validUntil: '2026-03-20' },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(await t.database.db.transaction((tx) => claimReminder(tx, selected, today, publicUrl))).toBe(false);
    expect(await remindedFor(item.id)).toBeNull();
    expect(await mails()).toEqual([]);

    // Then the owner changes: the claim for the date now current but the previous owner fails too.
    const successor = await member();
    const handedOver = await call(t.app, session, {
      method: 'PATCH',
      url: `/api/v1/evidence/${item.id}`,
      payload: { version: item.version + 1, ownerId: successor.id },
    });
    expect(handedOver.statusCode, handedOver.body).toBe(200);
    const staleOwner = { ...selected, validUntil: '2026-03-20' };
    expect(await t.database.db.transaction((tx) => claimReminder(tx, staleOwner, today, publicUrl))).toBe(false);
    expect(await mails()).toEqual([]);

    // The current data claims, and the mail says what was claimed.
    const current = { id: item.id, ownerId: successor.id, validUntil: '2026-03-20' };
    expect(await t.database.db.transaction((tx) => claimReminder(tx, current, today, publicUrl))).toBe(true);
    expect(await remindedFor(item.id)).toBe('2026-03-20');
    const sent = await mails();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ to: successor.email });
    expect(sent[0]?.subject).toContain('2026-03-20');
    // Claimed once: the same data claims nothing a second time.
    expect(await t.database.db.transaction((tx) => claimReminder(tx, current, today, publicUrl))).toBe(false);
  });

  it('a claim for a date moved out of the reminder window claims nothing', async () => {
    const { session, owner, create, mails, remindedFor } = await setup();
    const item = await create(session, { ownerId: owner.id, validUntil: '2026-03-10', reminderDays: 30 });
    const moved = await call(t.app, session, {
      method: 'PATCH',
      url: `/api/v1/evidence/${item.id}`,
      payload: { version: item.version, validUntil: '2027-03-10' },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    // Even a claim carrying the new date: the window condition is part of the UPDATE.
    const fresh = { id: item.id, ownerId: owner.id, validUntil: '2027-03-10' };
    expect(await t.database.db.transaction((tx) => claimReminder(tx, fresh, today, publicUrl))).toBe(false);
    expect(await remindedFor(item.id)).toBeNull();
    expect(await mails()).toEqual([]);
  });
});
