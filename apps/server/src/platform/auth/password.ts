import { hash, verify } from '@node-rs/argon2';
import { z } from 'zod';

// argon2id with OWASP's second recommended profile (19 MiB, t=2, p=1): ~30 ms here, affordable per login.
const ARGON2ID = 2;
const options = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, options);

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) {
    // Spend the same time as a real check so response times do not reveal which accounts exist.
    await hash(password, options);
    return false;
  }
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/**
 * Password rules (NIST SP 800-63B): length matters, composition rules do not. 12 to 200 characters, not the
 * e-mail address, not a run of one character.
 */
export const passwordSchema = z
  .string()
  .min(12, 'Use at least 12 characters')
  .max(200, 'Use at most 200 characters')
  .refine((p) => !/^(.)\1+$/.test(p), 'Do not repeat a single character');

export function passwordProblems(password: string, email?: string): string[] {
  const parsed = passwordSchema.safeParse(password);
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => i.message);
  if (email && password.toLowerCase().includes(email.toLowerCase().split('@')[0] ?? '\u0000')) {
    problems.push('Do not use your e-mail address in your password');
  }
  return problems;
}
