import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock.js';
import { outboxEmails } from '../../platform/mail/tables.js';
import { createTestApp } from '../../test/app.js';
import { createOrgWithOwner, grantPermissions, userWithRole } from '../../test/factories.js';
import { createAcceptanceReminders } from './reminders.js';
import { createAcceptance, insertScenarios, transition } from './testing.js';

const clock = new ManualClock(new Date('2026-03-01T10:00:00Z'));
let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(() => t.close());

describe('risk acceptance expiry reminders', () => {
  it('mails the approver and the creator 30 days before expiry and once on expiry, each once', async () => {
    const { session, organization, rootFolderId, owner } = await createOrgWithOwner(t.app, t.database);
    const role = (name: string) =>
      userWithRole(t.app, t.database, { organizationId: organization.id, folderId: rootFolderId, role: name });
    const creator = await role('contributor');
    const approver = await role('reader');
    await grantPermissions(t.database, {
      organizationId: organization.id,
      folderId: rootFolderId,
      userId: approver.user.id,
      permissions: ['risk_acceptance:approve'],
    });
    const scenarios = await insertScenarios(t.database, { organizationId: organization.id, folderId: rootFolderId });
    const accepted = async (
      who: typeof creator.session,
      approverSession: typeof creator.session,
      approverId: string,
      expiryDate: string,
    ) => {
      const created = await createAcceptance(t.app, who, rootFolderId, {
        name: `Legacy ERP ${expiryDate}`,
        justification: 'Isolated',
        approverId,
        expiryDate,
        riskScenarioIds: scenarios,
      });
      return transition(t.app, approverSession, await transition(t.app, who, created, 'submitted'), 'accepted');
    };
    const main = await accepted(creator.session, approver.session, approver.user.id, '2026-04-15');
    // The owner created and approves this one: one mail, not two.
    await accepted(session, session, owner.id, '2026-12-31');
    // Revoked before its reminder: never mailed.
    const revoked = await accepted(creator.session, approver.session, approver.user.id, '2026-04-10');
    await transition(t.app, approver.session, revoked, 'revoked');

    const remind = createAcceptanceReminders({ db: t.database.db, clock, publicUrl: 'https://rampart.example.test' });
    const mails = () =>
      t.database.db.select().from(outboxEmails).where(eq(outboxEmails.organizationId, organization.id));

    expect(await remind()).toEqual({ expiring: 0, expired: 0 });
    clock.set(new Date('2026-03-16T06:00:00Z'));
    expect(await remind()).toEqual({ expiring: 2, expired: 0 });
    expect(await remind()).toEqual({ expiring: 0, expired: 0 });
    const first = await mails();
    expect(first.map((m) => m.to).sort()).toEqual([approver.user.email, creator.user.email].sort());
    expect(first[0]?.subject).toBe('Risk acceptance “Legacy ERP 2026-04-15” expires on 2026-04-15');
    expect(first[0]?.text).toContain('in 30 day(s)');
    expect(first[0]?.text).toContain(`https://rampart.example.test/risk-acceptances/${main.id}`);

    clock.set(new Date('2026-04-15T23:00:00Z'));
    expect(await remind()).toEqual({ expiring: 0, expired: 0 });
    clock.set(new Date('2026-04-16T00:30:00Z'));
    expect(await remind()).toEqual({ expiring: 0, expired: 2 });
    expect(await remind()).toEqual({ expiring: 0, expired: 0 });
    const notices = (await mails()).filter((m) => m.subject.includes('expired on'));
    expect(notices).toHaveLength(2);
    expect(notices[0]?.text).toContain('flagged again');

    clock.set(new Date('2026-12-01T00:00:00Z'));
    expect(await remind()).toEqual({ expiring: 1, expired: 0 });
    clock.set(new Date('2027-01-01T00:00:00Z'));
    expect(await remind()).toEqual({ expiring: 0, expired: 1 });
    expect(await remind()).toEqual({ expiring: 0, expired: 0 });
    expect(await mails()).toHaveLength(6);
  });
});
