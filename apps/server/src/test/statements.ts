import pg from 'pg';
import { expect, vi } from 'vitest';
import type { TypedApp } from '../platform/context.js';
import { call, type Session } from './app.js';

/**
 * The SQL statements one GET sends, counted at the driver (every query goes through `pg.Client`), the job
 * queue's polling left out. Asserts the request succeeded.
 */
export async function statementsOf(app: TypedApp, session: Session, url: string) {
  const statements: string[] = [];
  const original = pg.Client.prototype.query;
  const spy = vi.spyOn(pg.Client.prototype, 'query').mockImplementation(function (this: pg.Client, ...args: unknown[]) {
    const query = args[0];
    const text = typeof query === 'string' ? query : String((query as { text?: string })?.text ?? '');
    if (!/pgboss/i.test(text)) statements.push(text);
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as never);
  try {
    const response = await call(app, session, { method: 'GET', url });
    expect(response.statusCode, response.body).toBe(200);
    return { count: statements.length, statements, body: response.json() as unknown };
  } finally {
    spy.mockRestore();
  }
}
