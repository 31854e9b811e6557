import { and, isNull, lt, or } from 'drizzle-orm';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/client.js';
import type { JobService } from '../../platform/jobs/service.js';
import { loginThrottle, sessions } from './tables.js';
import { accountPolicy, ipPolicy } from './throttle.js';

const HOUR = 60 * 60_000;

/**
 * Rows that can no longer matter: failure counters whose window has closed and whose lock (if any) has ended,
 * and sessions past their expiry. Without this, a password-spraying run leaves one row per address for ever.
 */
export async function pruneAuthState(db: Database, now: Date): Promise<{ throttle: number; sessions: number }> {
  const longestWindow = Math.max(accountPolicy.windowMs, ipPolicy.windowMs);
  const windowClosedBefore = new Date(now.getTime() - longestWindow);
  const throttle = await db
    .delete(loginThrottle)
    .where(
      and(
        lt(loginThrottle.windowStartedAt, windowClosedBefore),
        or(isNull(loginThrottle.lockedUntil), lt(loginThrottle.lockedUntil, now)),
      ),
    )
    .returning({ key: loginThrottle.key });
  const expired = await db.delete(sessions).where(lt(sessions.expiresAt, now)).returning({ id: sessions.id });
  return { throttle: throttle.length, sessions: expired.length };
}

/** Runs the pruning hourly in whichever processes work jobs; a delete racing another node's is harmless. */
export function registerAuthHousekeeping(jobs: JobService, deps: { db: Database; clock: Clock }) {
  jobs.addWorkerTask({
    name: 'auth.prune',
    intervalMs: HOUR,
    run: async () => {
      await pruneAuthState(deps.db, deps.clock.now());
    },
  });
}
