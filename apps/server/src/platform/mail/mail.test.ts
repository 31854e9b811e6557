import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import pino from 'pino';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../app.js';
import { testConfig } from '../../test/app.js';
import { cloneTestDatabase } from '../../test/database.js';
import { systemClock } from '../clock.js';
import type { TypedApp } from '../context.js';
import type { DatabaseHandle } from '../db/client.js';
import { createJobService, type JobService } from '../jobs/service.js';
import { startWorker } from '../jobs/worker.js';
import { notifyOutbox } from './delivery.js';
import { queueEmail } from './outbox.js';
import { outboxEmails } from './tables.js';

interface Received {
  from: string | undefined;
  to: string[];
  raw: string;
}

// A real SMTP server on a random local port; refused.test answers a permanent 550, busy.test a transient 451.
const received: Received[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onRcptTo(address, _session, callback) {
    if (address.address.endsWith('@refused.test')) return callback(new Error('550 No such mailbox'));
    if (address.address.endsWith('@busy.test')) {
      return callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
    }
    callback();
  },
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => {
      received.push({
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined,
        to: session.envelope.rcptTo.map((r) => r.address),
        raw: Buffer.concat(chunks).toString('utf8'),
      });
      callback();
    });
  },
});

let database: DatabaseHandle;
let jobs: JobService;
let app: TypedApp;

beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const { port } = smtp.server.address() as AddressInfo;
  database = await cloneTestDatabase();
  jobs = createJobService({ database, clock: systemClock, log: pino({ level: 'silent' }) });
  const config = testConfig({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'Rampart <noreply@rampart.test>' });
  app = await buildApp({ config, database, logger: false, jobs });
  await app.ready();
  await startWorker({ jobs, log: app.log });
});

afterAll(async () => {
  await app?.close();
  await database?.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

const rowOf = async (id: string) => (await database.db.select().from(outboxEmails).where(eq(outboxEmails.id, id)))[0];

describe('mail delivery over SMTP', () => {
  it('delivers a queued message at once when notified, and marks it sent', async () => {
    const id = await queueEmail(database.db, {
      organizationId: null,
      to: 'alice@example.test',
      subject: 'Welcome to Rampart',
      text: 'Your invitation: https://rampart.test/invite/abc123',
    });
    await notifyOutbox(jobs, id);
    await notifyOutbox(jobs, id);
    const row = await vi.waitFor(
      async () => {
        const current = await rowOf(id);
        if (current?.status !== 'sent') throw new Error(`still ${current?.status}`);
        return current;
      },
      { timeout: 15_000, interval: 100 },
    );
    expect(row).toMatchObject({ attempts: 1, error: null, sentAt: expect.any(Date) });
    const messages = received.filter((m) => m.to.includes('alice@example.test'));
    expect(messages).toHaveLength(1);
    const [message] = messages;
    expect(message?.from).toBe('noreply@rampart.test');
    expect(message?.raw).toContain('Subject: Welcome to Rampart');
    expect(message?.raw).toMatch(/^To: alice@example\.test/m);
    expect(message?.raw).toContain('https://rampart.test/invite/abc123');
  });

  it('picks up a pending message nobody notified', async () => {
    const id = await queueEmail(database.db, {
      organizationId: null,
      to: 'bob@example.test',
      subject: 'Picked up',
      text: 'Sent by the outbox pick-up.',
    });
    await vi.waitFor(
      async () => {
        expect((await rowOf(id))?.status).toBe('sent');
      },
      { timeout: 15_000, interval: 200 },
    );
    expect(received.some((m) => m.to.includes('bob@example.test') && m.raw.includes('Sent by the outbox'))).toBe(true);
  });

  it('marks a message the server refuses for good (5xx) failed, without retrying', async () => {
    const id = await queueEmail(database.db, {
      organizationId: null,
      to: 'ghost@refused.test',
      subject: 'Nobody home',
      text: 'This is refused.',
    });
    await notifyOutbox(jobs, id);
    const row = await vi.waitFor(
      async () => {
        const current = await rowOf(id);
        if (!current?.attempts) throw new Error('not tried yet');
        return current;
      },
      { timeout: 15_000, interval: 100 },
    );
    expect(row).toMatchObject({ status: 'failed', attempts: 1, error: expect.stringContaining('550') });
  });

  it('keeps a message pending after a transient refusal (4xx), for a retry with back-off', async () => {
    const id = await queueEmail(database.db, {
      organizationId: null,
      to: 'carol@busy.test',
      subject: 'Later',
      text: 'Greylisted.',
    });
    await notifyOutbox(jobs, id);
    const row = await vi.waitFor(
      async () => {
        const current = await rowOf(id);
        if (!current?.attempts) throw new Error('not tried yet');
        return current;
      },
      { timeout: 15_000, interval: 100 },
    );
    expect(row).toMatchObject({ status: 'pending', attempts: 1, error: expect.stringContaining('451') });
  });
});
