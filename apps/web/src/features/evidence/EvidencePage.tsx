import { Anchor, Badge, Button, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadMore } from '../../app/layout/LoadMore';
import { PageHeader } from '../../app/layout/PageHeader';
import { QueryState } from '../../app/layout/QueryState';
import { useCan } from '../../app/session/can';
import { ExpiryBadge } from './ExpiryBadge';
import { NewEvidenceDialog } from './NewEvidenceDialog';
import { type EvidenceFilters, evidenceStatusColor, evidenceStatuses, useEvidenceList } from './use-evidence';

export function EvidencePage() {
  const { t } = useTranslation('evidence');
  const can = useCan();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [status, setStatus] = useState<string | null>(null);
  const [validity, setValidity] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const filters: EvidenceFilters = {
    ...(q ? { q } : {}),
    ...(status ? { status: status as EvidenceFilters['status'] } : {}),
    ...(validity === 'expiring' ? { expiring: 30, expired: 'false' as const } : {}),
    ...(validity === 'expired' ? { expired: 'true' as const } : {}),
  };
  const list = useEvidenceList(filters);
  const filtered = Object.keys(filters).length > 0;

  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('intro')}
        actions={
          can.somewhere('evidence:create') && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
              {t('newEvidence')}
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
          w={260}
        />
        <Select
          label={t('fields.status')}
          placeholder={t('any')}
          data={evidenceStatuses.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          value={status}
          onChange={setStatus}
          clearable
          w={170}
        />
        <Select
          label={t('validity')}
          placeholder={t('any')}
          data={[
            { value: 'expiring', label: t('validityOptions.expiring') },
            { value: 'expired', label: t('validityOptions.expired') },
          ]}
          value={validity}
          onChange={setValidity}
          clearable
          w={220}
        />
      </Group>
      <QueryState query={list}>
        {list.items.length === 0 ? (
          <Text c="dimmed">{filtered ? t('noMatch') : t('empty')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('fields.refId')}</Table.Th>
                  <Table.Th>{t('fields.name')}</Table.Th>
                  <Table.Th>{t('fields.status')}</Table.Th>
                  <Table.Th>{t('fields.owner')}</Table.Th>
                  <Table.Th>{t('fields.validUntil')}</Table.Th>
                  <Table.Th>{t('fields.revisions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.items.map((evidence) => (
                  <Table.Tr key={evidence.id}>
                    <Table.Td>{evidence.refId ?? '—'}</Table.Td>
                    <Table.Td>
                      <Anchor
                        renderRoot={(props) => (
                          <Link {...props} to="/evidence/$evidenceId" params={{ evidenceId: evidence.id }} />
                        )}
                      >
                        {evidence.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={evidenceStatusColor[evidence.status]}>
                        {t(`status.${evidence.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{evidence.owner?.displayName ?? '—'}</Table.Td>
                    <Table.Td>
                      <Group gap="xs">
                        <span>{evidence.validUntil ?? '—'}</span>
                        <ExpiryBadge validUntil={evidence.validUntil} reminderDays={evidence.reminderDays} />
                      </Group>
                    </Table.Td>
                    <Table.Td>{evidence.revisionCount}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <LoadMore query={list} />
      </QueryState>
      <NewEvidenceDialog opened={creating} onClose={() => setCreating(false)} />
    </>
  );
}
