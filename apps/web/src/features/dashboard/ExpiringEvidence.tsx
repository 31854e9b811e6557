import { Anchor, List, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useFormatDate } from '../../app/format';
import type { Dashboard } from './use-dashboard';

type Bucket = Dashboard['evidence']['expired'];

function EvidenceList({ label, bucket, testId }: { label: string; bucket: Bucket; testId: string }) {
  const { t } = useTranslation('dashboard');
  const formatDate = useFormatDate();
  return (
    <div data-testid={testId}>
      <Text size="sm" fw={500} mb={4}>
        {label}
      </Text>
      {bucket.count === 0 ? (
        <Text size="sm" c="dimmed">
          {t('evidence.none')}
        </Text>
      ) : (
        <List size="sm" spacing={2}>
          {bucket.items.map((item) => (
            <List.Item key={item.id}>
              <Anchor
                size="sm"
                renderRoot={(props) => <Link {...props} to="/evidence/$evidenceId" params={{ evidenceId: item.id }} />}
              >
                {item.name}
              </Anchor>{' '}
              <Text span size="xs" c="dimmed">
                {item.validUntil
                  ? t('evidence.validUntil', { date: formatDate(item.validUntil, false) })
                  : t(`evidenceStatus.${item.status}`)}
              </Text>
            </List.Item>
          ))}
          {bucket.count > bucket.items.length && (
            <List.Item>
              <Text size="xs" c="dimmed">
                {t('evidence.more', { count: bucket.count - bucket.items.length })}
              </Text>
            </List.Item>
          )}
        </List>
      )}
    </div>
  );
}

/** Expired evidence first (it already weakens the controls it backs), then what expires within the window. */
export function ExpiringEvidence({ evidence }: { evidence: Dashboard['evidence'] }) {
  const { t } = useTranslation('dashboard');
  return (
    <Stack gap="md">
      <EvidenceList
        testId="evidence-expired"
        label={t('evidence.expired', { count: evidence.expired.count })}
        bucket={evidence.expired}
      />
      <EvidenceList
        testId="evidence-expiring"
        label={t('evidence.expiring', { count: evidence.expiringSoon.count, days: evidence.withinDays })}
        bucket={evidence.expiringSoon}
      />
    </Stack>
  );
}
