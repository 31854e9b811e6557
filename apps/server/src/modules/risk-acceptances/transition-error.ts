import { AppError } from '../../platform/errors.js';

/** 409 `invalid_transition`: a step the lifecycle does not have (from → to). */
export function invalidTransition(what: string, from: string, to: string): AppError {
  return new AppError('invalid_transition', `${what} cannot go from ${from} to ${to}`, [
    { field: 'body.to', message: `No transition from ${from} to ${to}` },
  ]);
}

/** Today in UTC as `YYYY-MM-DD`: expiry dates are calendar dates, the last day something is in force. */
export const todayOf = (now: Date) => now.toISOString().slice(0, 10);

/** `date` plus `days` calendar days, as `YYYY-MM-DD`. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
