import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/client.js';
import { createDecisionExpiry } from '../decision-records/index.js';
import type { ExceptionRow } from './presenter.js';
import type { SecurityExceptionState } from './rules.js';
import { securityExceptions } from './tables.js';

/** Days before the expiry date the owner and the approver are reminded. */
export const REMINDER_DAYS = 30;

/**
 * The daily pass over approved security exceptions, safe to run as often as wanted and on several nodes at once
 * (each change is a conditional UPDATE that a second run finds nothing to match):
 * - an approved exception whose expiry date has passed becomes `expired` (audit event from the system context)
 *   and its owner and approver are told;
 * - 30 days before the expiry date the owner and the approver get one reminder per expiry date.
 * Returns how many exceptions expired and how many were reminded.
 */
export function createExceptionExpiry(deps: { db: Database; clock: Clock; publicUrl: string }) {
  return createDecisionExpiry<ExceptionRow, SecurityExceptionState, 'expired' | 'reminded'>(
    {
      table: securityExceptions,
      objectType: 'security_exception',
      inForce: 'approved',
      recipients: (row) => [row.ownerId, row.approverId],
      webPath: 'security-exceptions',
      counts: 'records',
      passes: [
        {
          name: 'expired',
          kind: 'lapse',
          to: 'expired',
          subject: (row) => `Security exception “${row.name}” expired on ${row.expiryDate}`,
          text: ({ row, person, label, url }) =>
            `Hello ${person},\n\nThe security exception ${label} expired on ${row.expiryDate}. Resolve the gap, ` +
            `or renew the exception with a new expiry date and send it for review:\n\n${url}\n`,
        },
        {
          name: 'reminded',
          kind: 'reminder',
          days: REMINDER_DAYS,
          auditAction: 'security_exception.reminder_queued',
          subject: (row) => `Security exception “${row.name}” expires on ${row.expiryDate}`,
          text: ({ row, person, label, url, when }) =>
            `Hello ${person},\n\nThe security exception ${label} is valid until ${row.expiryDate} (${when}). ` +
            `Resolve the gap before then, or prepare its renewal:\n\n${url}\n`,
        },
      ],
    },
    deps,
  );
}
