import { randomInt } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { authenticator } from 'otplib';
import { sha256Hex } from '../../platform/crypto.js';
import { type DbOrTx, selectRows } from '../../platform/db/client.js';
import { loadQrCode } from '../../platform/libraries.js';
import { recoveryCodes } from './tables.js';

/** RFC 6238 as authenticator apps expect it: SHA-1, 6 digits, 30-second steps; one step of drift either way. */
const STEP_SECONDS = 30;
const WINDOW = 1;
const ISSUER = 'Rampart';
const RECOVERY_CODE_COUNT = 10;
// No 0/o, 1/l/i: recovery codes are typed from paper.
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** 20 random bytes (160 bits, the RFC 4226 recommendation) in base32. */
export const newTotpSecret = () => authenticator.generateSecret(20);

export async function enrolmentOf(email: string, secret: string) {
  const otpauthUri = authenticator.keyuri(email, ISSUER, secret);
  return { secret, otpauthUri, qrCodeDataUrl: await (await loadQrCode()).toDataURL(otpauthUri) };
}

/** The time step `code` belongs to at `now` (within the window), or null when it is wrong. */
export function matchingStep(secret: string, code: string, now: Date): number | null {
  const checker = authenticator.clone({ epoch: now.getTime(), step: STEP_SECONDS, window: WINDOW });
  let delta: number | null;
  try {
    delta = checker.checkDelta(code, secret);
  } catch {
    return null;
  }
  return delta === null ? null : Math.floor(now.getTime() / 1000 / STEP_SECONDS) + delta;
}

/**
 * Accepts a TOTP code at most once: the step it belongs to must be later than the last step this user spent, so
 * a code seen over a shoulder or in a log cannot be replayed within its window. The last step lives in the shared
 * `login_throttle` table (key `totp-step:<user>`, as the step's start time) and is claimed atomically, so two
 * nodes cannot both accept the same code.
 */
export async function consumeTotpCode(
  db: DbOrTx,
  user: { id: string; totpSecret: string | null },
  code: string,
  now: Date,
): Promise<boolean> {
  if (!user.totpSecret) return false;
  const step = matchingStep(user.totpSecret, code, now);
  if (step === null) return false;
  const stepStart = new Date(step * STEP_SECONDS * 1000).toISOString();
  const claimed = await selectRows<{ key: string }>(
    db,
    sql`
      insert into login_throttle (key, failures, window_started_at)
      values (${`totp-step:${user.id}`}, 0, ${stepStart}::timestamptz)
      on conflict (key) do update set window_started_at = excluded.window_started_at
        where login_throttle.window_started_at < excluded.window_started_at
      returning key`,
  );
  return claimed.length > 0;
}

const normaliseRecoveryCode = (code: string) => code.toLowerCase().replace(/[^a-z0-9]/g, '');

function newRecoveryCode(): string {
  const chars = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]);
  return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`;
}

/** Replaces the user's recovery codes with ten new ones; only their SHA-256 is stored, the codes are shown once. */
export async function replaceRecoveryCodes(db: DbOrTx, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await db
    .insert(recoveryCodes)
    .values(codes.map((code) => ({ userId, codeHash: sha256Hex(normaliseRecoveryCode(code)) })));
  return codes;
}

/** Spends one recovery code; false when it is unknown or already used (the update is the atomic check). */
export async function useRecoveryCode(db: DbOrTx, userId: string, code: string, now: Date): Promise<boolean> {
  const used = await db
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(
      and(
        eq(recoveryCodes.userId, userId),
        eq(recoveryCodes.codeHash, sha256Hex(normaliseRecoveryCode(code))),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ id: recoveryCodes.id });
  return used.length > 0;
}

export async function remainingRecoveryCodes(db: DbOrTx, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return Number(row?.n ?? 0);
}
