import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { acceptanceStateColor, daysUntil, type RiskAcceptance } from './use-risk-acceptances';

const REMINDER_DAYS = 30;

/** The state, and for an accepted acceptance whether it is in force, expiring soon or expired. */
export function AcceptanceBadges({
  acceptance,
  size,
}: {
  acceptance: Pick<RiskAcceptance, 'state' | 'inForce' | 'expired' | 'expiryDate'>;
  size?: 'sm' | 'lg';
}) {
  const { t } = useTranslation('riskAcceptances');
  const days = acceptance.expiryDate ? daysUntil(acceptance.expiryDate) : null;
  return (
    <Group gap={6} wrap="nowrap">
      <Badge variant="light" color={acceptanceStateColor[acceptance.state]} size={size}>
        {t(`state.${acceptance.state}`)}
      </Badge>
      {acceptance.expired && (
        <Badge variant="filled" color="#a61e1e" size={size}>
          {t('badge.expired')}
        </Badge>
      )}
      {acceptance.inForce &&
        (days !== null && days <= REMINDER_DAYS ? (
          <Badge variant="light" color="#a13d00" size={size}>
            {days === 0 ? t('badge.expiresToday') : t('badge.expiresIn', { count: days })}
          </Badge>
        ) : (
          <Badge variant="light" color="#1f6b2f" size={size}>
            {t('badge.inForce')}
          </Badge>
        ))}
    </Group>
  );
}
