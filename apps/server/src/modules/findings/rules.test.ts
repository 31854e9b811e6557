import { describe, expect, it } from 'vitest';
import {
  addDays,
  closedAtAfter,
  DEFAULT_SLA,
  dueDateAfterEdit,
  isOverdue,
  type SlaDays,
  severityRank,
  slaDueDate,
} from './rules.js';

const at = new Date('2026-03-10T23:30:00Z');

describe('finding rules', () => {
  it('adds days across months and leap years in UTC', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-25', 7)).toBe('2027-01-01');
  });

  it('computes the SLA due date from the identification date, none without an SLA', () => {
    expect(slaDueDate(at, 'critical', DEFAULT_SLA)).toBe('2026-03-17');
    expect(slaDueDate(at, 'high', DEFAULT_SLA)).toBe('2026-04-09');
    expect(slaDueDate(at, 'info', DEFAULT_SLA)).toBeNull();
  });

  it('recomputes a computed due date when the severity changes, keeps a hand-set one', () => {
    const computed = { identifiedAt: at, severity: 'high' as const, dueDate: '2026-04-09' };
    expect(dueDateAfterEdit(computed, { identifiedAt: at, severity: 'critical' }, DEFAULT_SLA)).toBe('2026-03-17');
    expect(dueDateAfterEdit(computed, { identifiedAt: at, severity: 'info' }, DEFAULT_SLA)).toBeNull();
    const manual = { ...computed, dueDate: '2026-05-01' };
    expect(dueDateAfterEdit(manual, { identifiedAt: at, severity: 'critical' }, DEFAULT_SLA)).toBe('2026-05-01');
    // A due date sent with the edit wins, null included.
    expect(dueDateAfterEdit(computed, { identifiedAt: at, severity: 'low', dueDate: null }, DEFAULT_SLA)).toBeNull();
    // Nothing that feeds the SLA changed: the stored date stays whatever it is.
    expect(dueDateAfterEdit(manual, { identifiedAt: at, severity: 'high' }, DEFAULT_SLA)).toBe('2026-05-01');
    // No due date under an SLA without a value for info counts as computed.
    const info = { identifiedAt: at, severity: 'info' as const, dueDate: null };
    expect(dueDateAfterEdit(info, { identifiedAt: at, severity: 'medium' }, DEFAULT_SLA)).toBe('2026-06-08');
  });

  it('recomputes when the identification date moves', () => {
    const sla: SlaDays = { ...DEFAULT_SLA, high: 10 };
    const before = { identifiedAt: at, severity: 'high' as const, dueDate: '2026-03-20' };
    const later = new Date('2026-03-15T08:00:00Z');
    expect(dueDateAfterEdit(before, { identifiedAt: later, severity: 'high' }, sla)).toBe('2026-03-25');
  });

  it('is overdue only after the due date and while open', () => {
    expect(isOverdue('2026-03-10', 'identified', '2026-03-10')).toBe(false);
    expect(isOverdue('2026-03-10', 'in_progress', '2026-03-11')).toBe(true);
    for (const status of ['mitigated', 'closed', 'dismissed'] as const) {
      expect(isOverdue('2026-03-10', status, '2026-03-11')).toBe(false);
    }
    expect(isOverdue(null, 'identified', '2026-03-11')).toBe(false);
  });

  it('stamps closedAt on closing, keeps it between closed and dismissed, clears it on reopening', () => {
    const now = new Date('2026-04-01T10:00:00Z');
    const earlier = new Date('2026-03-01T10:00:00Z');
    expect(closedAtAfter({ status: 'in_progress', closedAt: null }, 'closed', now)).toEqual(now);
    expect(closedAtAfter({ status: 'closed', closedAt: earlier }, 'dismissed', now)).toEqual(earlier);
    expect(closedAtAfter({ status: 'closed', closedAt: earlier }, 'in_progress', now)).toBeNull();
    expect(closedAtAfter({ status: 'identified', closedAt: null }, 'mitigated', now)).toBeNull();
  });

  it('ranks severities with critical highest', () => {
    const sorted = (['low', 'critical', 'info', 'high', 'medium'] as const)
      .slice()
      .sort((a, b) => severityRank[b] - severityRank[a]);
    expect(sorted).toEqual(['critical', 'high', 'medium', 'low', 'info']);
  });
});
