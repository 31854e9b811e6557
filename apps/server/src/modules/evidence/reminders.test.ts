import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock.js';
import { outboxEmails } from '../../platform/mail/tables.js';
import { call, createTestApp } from '../../test/app.js';
import { createOrgWithOwner } from '../../test/factories.js';
import { auditEvents } from '../audit/tables.js';
import { createExpirySweep } from './reminders.js';
import { evidence } from './tables.js';

const clock = new ManualClock(new Date('2026-03-01T10:00:00Z'));
let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(() => t.close());

const day = 86_400_000;

describe('evidence expiry sweep', () => {
  it('reminds the owner once per validity date, re-arms on a new date, and expires evidence past it', async () => {
    const { session, rootFolderId, owner, organization } = await createOrgWithOwner(t.app, t.database);
    const create = async (fields: Record<string, unknown>) => {
      const response = await call(t.app, session, {
        method: 'POST',
        url: '/api/v1/evidence',
        payload: { folderId: rootFolderId, name: 'Pen test report', ...fields },
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json() as { id: string; version: number };
    };
    const soon = await create({ ownerId: owner.id, validUntil: '2026-03-20', reminderDays: 30 });
    await create({ name: 'ISO certificate', ownerId: owner.id, validUntil: '2026-06-30', reminderDays: 14 });
    const ownerless = await create({ name: 'Orphan', validUntil: '2026-03-05' });
    const sweep = createExpirySweep({ db: t.database.db, clock, publicUrl: 'https://rampart.example.test' });
    const mails = () =>
      t.database.db.select().from(outboxEmails).where(eq(outboxEmails.organizationId, organization.id));

    expect(await sweep()).toEqual({ expired: 0, reminded: 1 });
    expect(await sweep()).toEqual({ expired: 0, reminded: 0 });
    const sent = await mails();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ to: owner.email });
    expect(sent[0]?.subject).toContain('2026-03-20');
    expect(sent[0]?.text).toContain(`https://rampart.example.test/evidence/${soon.id}`);
    expect(sent[0]?.text).toContain('in 19 day(s)');

    // A new validity date re-arms the reminder: one more mail when that date comes within reach.
    const renewed = await call(t.app, session, {
      method: 'PATCH',
      url: `/api/v1/evidence/${soon.id}`,
      payload: { version: soon.version, validUntil: '2026-03-25' },
    });
    expect(renewed.statusCode, renewed.body).toBe(200);
    expect(await sweep()).toEqual({ expired: 0, reminded: 1 });
    expect(await sweep()).toEqual({ expired: 0, reminded: 0 });

    // Days pass: the ownerless one expires (no mail), then the renewed one.
    clock.advance(5 * day);
    expect(await sweep()).toEqual({ expired: 1, reminded: 0 });
    clock.advance(20 * day);
    expect(await sweep()).toEqual({ expired: 1, reminded: 0 });
    expect(await sweep()).toEqual({ expired: 0, reminded: 0 });
    // (Read from the table: the session itself has expired on the advanced clock.)
    const expired = await t.database.db
      .select({ id: evidence.id })
      .from(evidence)
      .where(and(eq(evidence.organizationId, organization.id), eq(evidence.status, 'expired')));
    expect(expired.map((e) => e.id).sort()).toEqual([soon.id, ownerless.id].sort());

    // The certificate comes within its 14 days in mid-June.
    clock.set(new Date('2026-06-16T09:00:00Z'));
    expect(await sweep()).toEqual({ expired: 0, reminded: 1 });
    expect(await mails()).toHaveLength(3);
    const events = await t.database.db
      .select({ action: auditEvents.action, objectId: auditEvents.objectId, actorType: auditEvents.actorType })
      .from(auditEvents)
      .where(eq(auditEvents.organizationId, organization.id));
    expect(
      events
        .filter((e) => e.action === 'evidence.expired')
        .map((e) => e.objectId)
        .sort(),
    ).toEqual([soon.id, ownerless.id].sort());
    expect(events.filter((e) => e.action === 'evidence.reminder_queued')).toHaveLength(3);
    expect(events.find((e) => e.action === 'evidence.expired')?.actorType).toBe('system');
  });

  it('two sweeps racing send one mail', async () => {
    const { session, rootFolderId, owner, organization } = await createOrgWithOwner(t.app, t.database);
    clock.set(new Date('2026-03-01T10:00:00Z'));
    const response = await call(t.app, session, {
      method: 'POST',
      url: '/api/v1/evidence',
      payload: { folderId: rootFolderId, name: 'Racing', ownerId: owner.id, validUntil: '2026-03-03' },
    });
    expect(response.statusCode).toBe(201);
    const sweep = createExpirySweep({ db: t.database.db, clock, publicUrl: 'http://localhost' });
    const results = await Promise.all([sweep(), sweep()]);
    expect(results.reduce((n, r) => n + r.reminded, 0)).toBe(1);
    const sent = await t.database.db
      .select()
      .from(outboxEmails)
      .where(eq(outboxEmails.organizationId, organization.id));
    expect(sent).toHaveLength(1);
  });
});
