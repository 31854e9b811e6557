import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { daysUntil } from '../risk-acceptances/use-risk-acceptances';
import { exceptionStateColor, type SecurityException, severityColor } from './use-security-exceptions';

const REMINDER_DAYS = 30;

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
      <Badge variant="light" color={exceptionStateColor[exception.state]} size={size}>
        {t(`state.${exception.state}`)}
      </Badge>
      {withSeverity && (
        <Badge variant="outline" color={severityColor[exception.severity]} size={size}>
          {t(`severity.${exception.severity}`)}
        </Badge>
      )}
      {days !== null && days >= 0 && days <= REMINDER_DAYS && (
        <Badge variant="light" color="#a13d00" size={size}>
          {days === 0 ? t('badge.expiresToday') : t('badge.expiresIn', { count: days })}
        </Badge>
      )}
    </Group>
  );
}
