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
import { ExceptionBadges } from './ExceptionBadges';
import { NewSecurityExceptionDialog } from './NewSecurityExceptionDialog';
import { type ExceptionFilters, exceptionStates, severities, useExceptionList } from './use-security-exceptions';

export function SecurityExceptionsPage() {
  const { t } = useTranslation('securityExceptions');
  const can = useCan();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [state, setState] = useState<string | null>(null);
  const [severity, setSeverity] = useState<string | null>(null);
  const [awaitingMe, setAwaitingMe] = useState(false);
  const [creating, setCreating] = useState(false);
  const filters: ExceptionFilters = {
    ...(q ? { q } : {}),
    ...(state ? { state: state as ExceptionFilters['state'] } : {}),
    ...(severity ? { severity: severity as ExceptionFilters['severity'] } : {}),
    ...(awaitingMe ? { awaitingMe: 'true' as const } : {}),
  };
  const list = useExceptionList(filters);
  const filtered = Object.keys(filters).length > 0;

  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('intro')}
        actions={
          can.somewhere('security_exception:create') && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
              {t('newException')}
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
          data={exceptionStates.map((s) => ({ value: s, label: t(`state.${s}`) }))}
          value={state}
          onChange={setState}
          clearable
          w={160}
        />
        <Select
          label={t('fields.severity')}
          placeholder={t('any')}
          data={severities.map((s) => ({ value: s, label: t(`severity.${s}`) }))}
          value={severity}
          onChange={setSeverity}
          clearable
          w={160}
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
                  <Table.Th>{t('fields.owner')}</Table.Th>
                  <Table.Th>{t('fields.expiryDate')}</Table.Th>
                  <Table.Th>{t('fields.links')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.items.map((exception) => (
                  <Table.Tr key={exception.id}>
                    <Table.Td>{exception.refId ?? '—'}</Table.Td>
                    <Table.Td>
                      <Anchor
                        renderRoot={(props) => (
                          <Link
                            {...props}
                            to="/security-exceptions/$exceptionId"
                            params={{ exceptionId: exception.id }}
                          />
                        )}
                      >
                        {exception.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <ExceptionBadges exception={exception} />
                    </Table.Td>
                    <Table.Td>{exception.owner?.displayName ?? '—'}</Table.Td>
                    <Table.Td>{exception.expiryDate ?? '—'}</Table.Td>
                    <Table.Td>{exception.requirementAssessmentCount + exception.appliedControlCount}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <LoadMore query={list} />
      </QueryState>
      <NewSecurityExceptionDialog opened={creating} onClose={() => setCreating(false)} />
    </>
  );
}
