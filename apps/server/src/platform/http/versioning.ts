import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';

/**
 * Optimistic concurrency: a write names the version it was based on, as `If-Match: "3"` (or `3`) or a `version`
 * body field. Without one the write is refused (428) rather than silently overwriting someone else's change.
 */
export function expectedVersion(request: FastifyRequest, bodyVersion?: number): number {
  const header = request.headers['if-match'];
  if (typeof header === 'string' && header.trim() !== '') {
    const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim());
    if (!match) {
      throw new AppError('validation_failed', 'The request is not valid', [
        { field: 'headers.if-match', message: 'Expected the object version, e.g. "3"' },
      ]);
    }
    return Number(match[1]);
  }
  if (bodyVersion !== undefined) return bodyVersion;
  throw new AppError(
    'precondition_required',
    'Send the version you are updating (If-Match header or `version` field) so concurrent changes are not lost',
  );
}
