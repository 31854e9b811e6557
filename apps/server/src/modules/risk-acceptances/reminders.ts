import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/client.js';
import { createDecisionExpiry } from '../decision-records/index.js';
import type { AcceptanceRow } from './presenter.js';
import type { RiskAcceptanceState } from './rules.js';
import { riskAcceptances } from './tables.js';

/** Days before the expiry date the approver and the creator are reminded. */
export const REMINDER_DAYS = 30;

/**
 * The daily pass over accepted risk acceptances, safe to run as often as wanted and on several nodes at once:
 * 30 days before the expiry date the approver and the creator (active members) get a reminder, and once the date
 * has passed they get one notice that the scenarios are flagged again. Nothing changes state: an expired
 * acceptance simply stops being in force (see rules.ts). Returns how many e-mails were queued.
 */
export function createAcceptanceReminders(deps: { db: Database; clock: Clock; publicUrl: string }) {
  return createDecisionExpiry<AcceptanceRow, RiskAcceptanceState, 'expiring' | 'expired'>(
    {
      table: riskAcceptances,
      objectType: 'risk_acceptance',
      inForce: 'accepted',
      recipients: (row) => [row.approverId, row.createdById],
      webPath: 'risk-acceptances',
      counts: 'emails',
      passes: [
        {
          name: 'expiring',
          kind: 'reminder',
          days: REMINDER_DAYS,
          auditAction: 'risk_acceptance.reminder_queued',
          subject: (row) => `Risk acceptance “${row.name}” expires on ${row.expiryDate}`,
          text: ({ row, person, label, url, when }) =>
            `Hello ${person},\n\nThe risk acceptance ${label} is in force until ${row.expiryDate} (${when}). ` +
            'After that date its risk scenarios are flagged again. Review it and prepare a new acceptance if the ' +
            `risk is still accepted:\n\n${url}\n`,
        },
        {
          name: 'expired',
          kind: 'notice',
          auditAction: 'risk_acceptance.expiry_notice_queued',
          subject: (row) => `Risk acceptance “${row.name}” expired on ${row.expiryDate}`,
          text: ({ row, person, label, url }) =>
            `Hello ${person},\n\nThe risk acceptance ${label} expired on ${row.expiryDate}: its risk scenarios ` +
            `are flagged again. Submit a new acceptance if the risk is still accepted:\n\n${url}\n`,
        },
      ],
    },
    deps,
  );
}
