import { Anchor, Button, Group, Select, Switch, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadMore } from '../../app/layout/LoadMore';
import { PageHeader } from '../../app/layout/PageHeader';
import { QueryState } from '../../app/layout/QueryState';
import { useCan } from '../../app/session/can';
import { AcceptanceBadges } from './AcceptanceBadges';
import { NewRiskAcceptanceDialog } from './NewRiskAcceptanceDialog';
import { type AcceptanceFilters, acceptanceStates, useAcceptanceList } from './use-risk-acceptances';

export function RiskAcceptancesPage() {
  const { t } = useTranslation('riskAcceptances');
  const can = useCan();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [state, setState] = useState<string | null>(null);
  const [validity, setValidity] = useState<string | null>(null);
  const [awaitingMe, setAwaitingMe] = useState(false);
  const [creating, setCreating] = useState(false);
  const filters: AcceptanceFilters = {
    ...(q ? { q } : {}),
    ...(state ? { state: state as AcceptanceFilters['state'] } : {}),
    ...(validity === 'inForce' ? { inForce: 'true' as const } : {}),
    ...(validity === 'notInForce' ? { inForce: 'false' as const } : {}),
    ...(validity === 'expiring' ? { expiringWithinDays: 30 } : {}),
    ...(awaitingMe ? { awaitingMe: 'true' as const } : {}),
  };
  const list = useAcceptanceList(filters);
  const filtered = Object.keys(filters).length > 0;

  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('intro')}
        actions={
          can.somewhere('risk_acceptance:create') && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
              {t('newAcceptance')}
            </Button>
          )
        }
      />
      <Group mb="md" align="flex-end" wrap="wrap">
        <TextInput
          label={t('search')}
          placeholder={t('searchHint')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          maxLength={200}
          type="search"
          w={240}
        />
        <Select
          label={t('fields.state')}
          placeholder={t('any')}
          data={acceptanceStates.map((s) => ({ value: s, label: t(`state.${s}`) }))}
          value={state}
          onChange={setState}
          clearable
          w={160}
        />
        <Select
          label={t('validity')}
          placeholder={t('any')}
          data={(['inForce', 'notInForce', 'expiring'] as const).map((v) => ({
            value: v,
            label: t(`validityOptions.${v}`),
          }))}
          value={validity}
          onChange={setValidity}
          clearable
          w={220}
        />
        <Switch
          label={t('awaitingMe')}
          checked={awaitingMe}
          onChange={(event) => setAwaitingMe(event.currentTarget.checked)}
          mb={8}
        />
      </Group>
      <QueryState query={list}>
        {list.items.length === 0 ? (
          <Text c="dimmed">{filtered ? t('noMatch') : t('empty')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('fields.refId')}</Table.Th>
                  <Table.Th>{t('fields.name')}</Table.Th>
                  <Table.Th>{t('fields.state')}</Table.Th>
                  <Table.Th>{t('fields.approver')}</Table.Th>
                  <Table.Th>{t('fields.expiryDate')}</Table.Th>
                  <Table.Th>{t('fields.scenarios')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.items.map((acceptance) => (
                  <Table.Tr key={acceptance.id}>
                    <Table.Td>{acceptance.refId ?? '—'}</Table.Td>
                    <Table.Td>
                      <Anchor
                        renderRoot={(props) => (
                          <Link
                            {...props}
                            to="/risk-acceptances/$acceptanceId"
                            params={{ acceptanceId: acceptance.id }}
                          />
                        )}
                      >
                        {acceptance.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <AcceptanceBadges acceptance={acceptance} />
                    </Table.Td>
                    <Table.Td>{acceptance.approver?.displayName ?? '—'}</Table.Td>
                    <Table.Td>{acceptance.expiryDate ?? '—'}</Table.Td>
                    <Table.Td>{acceptance.scenarioCount}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <LoadMore query={list} />
      </QueryState>
      <NewRiskAcceptanceDialog opened={creating} onClose={() => setCreating(false)} />
    </>
  );
}
