import { Badge } from '@mantine/core';
import { type DecisionNamespace, useDecisionT } from './kind';

/** How many days before its expiry a record says "expires in n days" (the reminders' window, too). */
export const REMINDER_DAYS = 30;

/** Whole days from today (local calendar) to an ISO date; negative once it has passed. */
export function daysUntil(isoDate: string, today = new Date()): number {
  const [y, m, d] = isoDate.split('-').map(Number);
  const target = Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1);
  const now = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  return Math.round((target - now) / 86_400_000);
}

/** A record's state, in its kind's words and colour. */
export function StateBadge<S extends string>({
  ns,
  colors,
  state,
  size,
}: {
  ns: DecisionNamespace;
  colors: Record<S, string>;
  state: S;
  size?: 'sm' | 'lg' | undefined;
}) {
  const { t } = useDecisionT(ns);
  return (
    <Badge variant="light" color={colors[state]} size={size}>
      {t(`state.${state}`)}
    </Badge>
  );
}

/** "Expires today" / "Expires in n days". */
export function ExpiresSoonBadge({
  ns,
  days,
  size,
}: {
  ns: DecisionNamespace;
  days: number;
  size?: 'sm' | 'lg' | undefined;
}) {
  const { t } = useDecisionT(ns);
  return (
    <Badge variant="light" color="#a13d00" size={size}>
      {days === 0 ? t('badge.expiresToday') : t('badge.expiresIn', { count: days })}
    </Badge>
  );
}
