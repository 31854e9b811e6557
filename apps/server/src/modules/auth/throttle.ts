import { inArray, sql } from 'drizzle-orm';
import type { Clock } from '../../platform/clock.js';
import { type Database, type DbOrTx, selectRows } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import type { AuditContext } from '../audit/index.js';
import { recordAudit } from '../audit/index.js';
import { loginThrottle } from './tables.js';

/**
 * Failed-login throttling shared by every app node through the `login_throttle` table. Each key counts failures
 * in a fixed window; reaching the limit locks the key. Accounts lock after few failures (guessing one password),
 * addresses after more (one office behind a NAT, or one attacker spraying many accounts).
 */
export interface ThrottlePolicy {
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}

const FIFTEEN_MINUTES = 15 * 60_000;
export const accountPolicy: ThrottlePolicy = { maxFailures: 5, windowMs: FIFTEEN_MINUTES, lockMs: FIFTEEN_MINUTES };
export const ipPolicy: ThrottlePolicy = { maxFailures: 20, windowMs: FIFTEEN_MINUTES, lockMs: FIFTEEN_MINUTES };

export interface ThrottleKey {
  key: string;
  policy: ThrottlePolicy;
}

export const accountKey = (email: string): ThrottleKey => ({
  key: `account:${email.trim().toLowerCase()}`.slice(0, 400),
  policy: accountPolicy,
});
export const ipKey = (ip: string): ThrottleKey => ({ key: `ip:${ip}`.slice(0, 400), policy: ipPolicy });

export function createLoginThrottle(deps: { db: Database; clock: Clock }) {
  const { db, clock } = deps;

  return {
    /** Refuses with 429 and Retry-After while any of the keys is locked; checked before the password is. */
    async assertNotLocked(keys: ThrottleKey[]): Promise<void> {
      const now = clock.now();
      const rows = await db
        .select({ lockedUntil: loginThrottle.lockedUntil })
        .from(loginThrottle)
        .where(
          inArray(
            loginThrottle.key,
            keys.map((k) => k.key),
          ),
        );
      const until = rows
        .map((r) => r.lockedUntil)
        .filter((d): d is Date => d !== null && d.getTime() > now.getTime())
        .sort((a, b) => b.getTime() - a.getTime())[0];
      if (!until) return;
      const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
      throw new AppError(
        'rate_limited',
        `Too many failed sign-in attempts; try again in ${Math.ceil(seconds / 60)} minute(s)`,
        [],
        { 'retry-after': String(seconds) },
      );
    },

    /**
     * Counts one failure against every key, atomically (concurrent failures on two nodes both count). The failure
     * that reaches the limit locks the key and is audited as `auth.locked_out`.
     */
    async recordFailure(audit: AuditContext, keys: ThrottleKey[], userId: string | null): Promise<void> {
      const now = clock.now();
      await db.transaction(async (tx) => {
        for (const { key, policy } of keys) {
          const windowStart = new Date(now.getTime() - policy.windowMs).toISOString();
          const lockUntil = new Date(now.getTime() + policy.lockMs).toISOString();
          const nowIso = now.toISOString();
          // In ON CONFLICT … SET every expression sees the row as it was, so the new count is spelled out twice.
          const newCount = sql`case when login_throttle.window_started_at <= ${windowStart}::timestamptz
                                    then 1 else login_throttle.failures + 1 end`;
          const [row] = await selectRows<{ failures: number; locked_until: Date | string | null }>(
            tx,
            sql`
              insert into login_throttle (key, failures, window_started_at, locked_until)
              values (${key}, 1, ${nowIso}::timestamptz,
                      case when ${policy.maxFailures} <= 1 then ${lockUntil}::timestamptz end)
              on conflict (key) do update set
                failures = ${newCount},
                window_started_at = case when login_throttle.window_started_at <= ${windowStart}::timestamptz
                                         then ${nowIso}::timestamptz else login_throttle.window_started_at end,
                locked_until = case when ${newCount} >= ${policy.maxFailures}
                                    then ${lockUntil}::timestamptz else login_throttle.locked_until end
              returning failures, locked_until`,
          );
          if (row && Number(row.failures) === policy.maxFailures) {
            await recordAudit(tx, audit, {
              organizationId: null,
              action: 'auth.locked_out',
              objectType: 'user',
              objectId: userId,
              changes: { key, failures: policy.maxFailures, lockedUntil: lockUntil },
            });
          }
        }
      });
    },

    /** A successful sign-in clears the account's counter (never the address's: one good login must not unlock a
     * spraying attacker's IP). */
    reset(tx: DbOrTx, key: ThrottleKey) {
      return tx.delete(loginThrottle).where(sql`${loginThrottle.key} = ${key.key}`);
    },
  };
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
