import { Button, Menu } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconDownload, IconShieldCheck } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../app/layout/PageHeader';
import { useListSearch } from '../../app/ui/list/use-list-search';
import { AuditFiltersForm } from './AuditFiltersForm';
import { AuditTable } from './AuditTable';
import { validateAuditSearch } from './search';
import { type AuditFilters, emptyFilters, exportUrl, useAuditEvents } from './use-audit';
import { useVerifyChain, VerifyResult } from './VerifyChain';

export function AuditPage() {
  const { t } = useTranslation('audit');
  const [search, setSearch] = useListSearch(validateAuditSearch);
  // What is typed shows at once; the URL (and so the query) follows once typing pauses, not per key stroke.
  const [filters, setFilters] = useState<AuditFilters>(() => ({ ...emptyFilters, ...search }));
  const [settled] = useDebouncedValue(filters, 300);
  useEffect(() => {
    const next = validateAuditSearch({ ...settled });
    if (JSON.stringify(next) !== JSON.stringify(validateAuditSearch({ ...search })))
      setSearch({
        q: undefined,
        action: undefined,
        objectType: undefined,
        actorUserId: undefined,
        from: undefined,
        to: undefined,
        ...next,
      });
  }, [settled, search, setSearch]);
  const applied: AuditFilters = { ...emptyFilters, ...search };
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
      <AuditTable events={events} />
    </>
  );
}
