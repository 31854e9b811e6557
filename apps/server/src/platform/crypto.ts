import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Random, URL-safe secret for cookies, one-time links and API tokens. */
export const randomToken = (bytes = 32) => randomBytes(bytes).toString('base64url');

/** Tokens are stored as SHA-256: they are high-entropy, so a slow hash buys nothing and costs every request. */
export const sha256Hex = (value: string | Buffer) => createHash('sha256').update(value).digest('hex');

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
