import { Button, Menu, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconDownload, IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadMore } from '../../app/layout/LoadMore';
import { PageHeader } from '../../app/layout/PageHeader';
import { QueryState } from '../../app/layout/QueryState';
import { AuditFiltersForm } from './AuditFiltersForm';
import { AuditTable } from './AuditTable';
import { emptyFilters, exportUrl, useAuditEvents } from './use-audit';
import { useVerifyChain, VerifyResult } from './VerifyChain';

export function AuditPage() {
  const { t } = useTranslation('audit');
  const [filters, setFilters] = useState(emptyFilters);
  // Typing in a text filter should not fire a request per key stroke.
  const [applied] = useDebouncedValue(filters, 300);
  const events = useAuditEvents(applied);
  const verify = useVerifyChain();

  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('intro')}
        actions={
          <>
            <Button
              variant="light"
              leftSection={<IconShieldCheck size={16} aria-hidden />}
              loading={verify.isPending}
              onClick={() => verify.mutate()}
            >
              {t('verify')}
            </Button>
            <Menu withinPortal position="bottom-end">
              <Menu.Target>
                <Button variant="default" leftSection={<IconDownload size={16} aria-hidden />}>
                  {t('export')}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item component="a" href={exportUrl(applied, 'csv')} download>
                  {t('exportCsv')}
                </Menu.Item>
                <Menu.Item component="a" href={exportUrl(applied, 'jsonl')} download>
                  {t('exportJsonl')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </>
        }
      />
      <VerifyResult result={verify.data} error={verify.error} />
      <AuditFiltersForm value={filters} onChange={setFilters} />
      <QueryState query={events}>
        {events.items.length === 0 ? <Text c="dimmed">{t('empty')}</Text> : <AuditTable events={events.items} />}
        <LoadMore query={events} />
      </QueryState>
    </>
  );
}
