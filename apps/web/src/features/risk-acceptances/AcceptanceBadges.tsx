import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { daysUntil, ExpiresSoonBadge, REMINDER_DAYS, StateBadge } from '../../app/ui/decision-record/DecisionBadges';
import { acceptanceStateColor, type RiskAcceptance } from './use-risk-acceptances';

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
      <StateBadge ns="riskAcceptances" colors={acceptanceStateColor} state={acceptance.state} size={size} />
      {acceptance.expired && (
        <Badge variant="filled" color="#a61e1e" size={size}>
          {t('badge.expired')}
        </Badge>
      )}
      {acceptance.inForce &&
        (days !== null && days <= REMINDER_DAYS ? (
          <ExpiresSoonBadge ns="riskAcceptances" days={days} size={size} />
        ) : (
          <Badge variant="light" color="#1f6b2f" size={size}>
            {t('badge.inForce')}
          </Badge>
        ))}
    </Group>
  );
}
