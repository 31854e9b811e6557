import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { daysUntil } from './use-evidence';

/** "Expires in N days" once within the reminder window (or always when `always`), "Expired" after the date. */
export function ExpiryBadge({
  validUntil,
  reminderDays,
  always,
}: {
  validUntil: string | null;
  reminderDays: number;
  always?: boolean;
}) {
  const { t } = useTranslation('evidence');
  if (!validUntil) return null;
  const days = daysUntil(validUntil);
  if (days < 0) {
    return (
      <Badge color="#a61e1e" variant="filled">
        {t('expiredBadge')}
      </Badge>
    );
  }
  if (!always && days > reminderDays) return null;
  return (
    <Badge color={days <= reminderDays ? '#a13d00' : '#495057'} variant="light">
      {days === 0 ? t('expiresToday') : t('expiresIn', { count: days })}
    </Badge>
  );
}
