import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { daysUntil, ExpiresSoonBadge, REMINDER_DAYS, StateBadge } from '../../app/ui/decision-record/DecisionBadges';
import { exceptionStateColor, type SecurityException, severityColor } from './use-security-exceptions';

/** State, severity and, for an approved exception, how soon it expires. */
export function ExceptionBadges({
  exception,
  size,
  withSeverity = true,
}: {
  exception: Pick<SecurityException, 'state' | 'severity' | 'expiryDate'>;
  size?: 'sm' | 'lg';
  withSeverity?: boolean;
}) {
  const { t } = useTranslation('securityExceptions');
  const days = exception.state === 'approved' && exception.expiryDate ? daysUntil(exception.expiryDate) : null;
  return (
    <Group gap={6} wrap="nowrap">
      <StateBadge ns="securityExceptions" colors={exceptionStateColor} state={exception.state} size={size} />
      {withSeverity && (
        <Badge variant="outline" color={severityColor[exception.severity]} size={size}>
          {t(`severity.${exception.severity}`)}
        </Badge>
      )}
      {days !== null && days >= 0 && days <= REMINDER_DAYS && (
        <ExpiresSoonBadge ns="securityExceptions" days={days} size={size} />
      )}
    </Group>
  );
}
