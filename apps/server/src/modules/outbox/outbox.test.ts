import { eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../app.js';
import { systemClock } from '../../platform/clock.js';
import type { TypedApp } from '../../platform/context.js';
import type { DatabaseHandle } from '../../platform/db/client.js';
import { createJobService } from '../../platform/jobs/service.js';
import { startWorker } from '../../platform/jobs/worker.js';
import { notifyOutbox } from '../../platform/mail/delivery.js';
import { queueEmail } from '../../platform/mail/outbox.js';
import { outboxEmails } from '../../platform/mail/tables.js';
import { call, testConfig } from '../../test/app.js';
import { cloneTestDatabase } from '../../test/database.js';
import { createOrgWithOwner, userWithRole } from '../../test/factories.js';

// SMTP is off here: delivery keeps each message in the outbox as `stored` for owners to read.
let app: TypedApp;
let database: DatabaseHandle;
let jobs: ReturnType<typeof createJobService>;
beforeAll(async () => {
  database = await cloneTestDatabase();
  jobs = createJobService({ database, clock: systemClock, log: pino({ level: 'silent' }) });
  app = await buildApp({ config: testConfig(), database, logger: false, jobs });
  await app.ready();
  await startWorker({ jobs, log: app.log });
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const queue = (organizationId: string | null, subject: string) =>
  queueEmail(database.db, {
    organizationId,
    to: 'new.member@example.test',
    subject,
    text: `Join: https://x/${subject}`,
  });

describe('outbox e-mails', () => {
  it('401 without credentials', async () => {
    for (const url of ['/api/v1/outbox-emails', '/api/v1/outbox-emails/00000000-0000-4000-8000-000000000000']) {
      expect((await app.inject({ method: 'GET', url })).statusCode).toBe(401);
    }
  });

  it('keeps a message as stored when SMTP is off, and shows owners its full text', async () => {
    const { session, organization } = await createOrgWithOwner(app, database);
    const id = await queue(organization.id, 'Invitation');
    await notifyOutbox(jobs, id);
    await vi.waitFor(
      async () => {
        const [row] = await database.db.select().from(outboxEmails).where(eq(outboxEmails.id, id));
        expect(row?.status).toBe('stored');
      },
      { timeout: 15_000, interval: 100 },
    );
    const one = await call(app, session, { method: 'GET', url: `/api/v1/outbox-emails/${id}` });
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json()).toMatchObject({
      id,
      to: 'new.member@example.test',
      subject: 'Invitation',
      status: 'stored',
      text: 'Join: https://x/Invitation',
      html: null,
    });
  });

  it('lists newest first, filters by status and pages; never shows messages of no organisation', async () => {
    const { session, organization } = await createOrgWithOwner(app, database);
    const first = await queue(organization.id, 'First');
    await new Promise((r) => setTimeout(r, 5));
    const second = await queue(organization.id, 'Second');
    await new Promise((r) => setTimeout(r, 5));
    const third = await queue(organization.id, 'Third');
    await queue(null, 'Password reset');
    const page1 = await call(app, session, { method: 'GET', url: '/api/v1/outbox-emails?limit=2' });
    expect(page1.statusCode).toBe(200);
    expect(page1.json().items.map((e: { id: string }) => e.id)).toEqual([third, second]);
    expect(page1.json().items[0]).not.toHaveProperty('text');
    const page2 = await call(app, session, {
      method: 'GET',
      url: `/api/v1/outbox-emails?limit=2&cursor=${page1.json().nextCursor}`,
    });
    expect(page2.json()).toEqual({ items: [expect.objectContaining({ id: first })], nextCursor: null });
    const failed = await call(app, session, { method: 'GET', url: '/api/v1/outbox-emails?status=failed' });
    expect(failed.json().items).toEqual([]);
  });

  it('400 on a bad id, status or unknown parameter', async () => {
    const { session } = await createOrgWithOwner(app, database);
    for (const url of ['/api/v1/outbox-emails/1', '/api/v1/outbox-emails?status=lost', '/api/v1/outbox-emails?q=x']) {
      expect((await call(app, session, { method: 'GET', url })).statusCode, url).toBe(400);
    }
  });

  it('403 for members who are not owners, even managers', async () => {
    const { organization, rootFolderId } = await createOrgWithOwner(app, database);
    const id = await queue(organization.id, 'Secret link');
    for (const role of ['manager', 'contributor', 'auditor', 'reader']) {
      const { session } = await userWithRole(app, database, {
        organizationId: organization.id,
        folderId: rootFolderId,
        role,
      });
      expect((await call(app, session, { method: 'GET', url: '/api/v1/outbox-emails' })).statusCode, role).toBe(403);
      const one = await call(app, session, { method: 'GET', url: `/api/v1/outbox-emails/${id}` });
      expect(one.statusCode, role).toBe(403);
    }
  });

  it('404 for another organisation’s message', async () => {
    const mine = await createOrgWithOwner(app, database);
    const theirs = await createOrgWithOwner(app, database);
    const id = await queue(theirs.organization.id, 'Theirs');
    const response = await call(app, mine.session, { method: 'GET', url: `/api/v1/outbox-emails/${id}` });
    expect(response.statusCode).toBe(404);
    const list = await call(app, mine.session, { method: 'GET', url: '/api/v1/outbox-emails' });
    expect(list.json().items).toEqual([]);
  });
});
