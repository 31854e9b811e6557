import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type FindingStatus, findingStatusColor, type Severity, severityColor } from './use-findings';

export function SeverityBadge({ severity, size }: { severity: Severity; size?: 'sm' | 'lg' }) {
  const { t } = useTranslation('findings');
  return (
    <Badge color={severityColor[severity]} variant="filled" size={size}>
      {t(`severity.${severity}`)}
    </Badge>
  );
}

export function FindingStatusBadge({ status, size }: { status: FindingStatus; size?: 'sm' | 'lg' }) {
  const { t } = useTranslation('findings');
  return (
    <Badge color={findingStatusColor[status]} variant="light" size={size}>
      {t(`status.${status}`)}
    </Badge>
  );
}

export function OverdueBadge({ overdue }: { overdue: boolean }) {
  const { t } = useTranslation('findings');
  if (!overdue) return null;
  return (
    <Badge color="#a61e1e" variant="filled">
      {t('overdue')}
    </Badge>
  );
}
