import { Anchor, Badge, Button, Group, Progress, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadMore } from '../../app/layout/LoadMore';
import { PageHeader } from '../../app/layout/PageHeader';
import { QueryState } from '../../app/layout/QueryState';
import { useCan } from '../../app/session/can';
import { NewControlDialog } from './NewControlDialog';
import {
  type ControlFilters,
  controlCategories,
  controlStatuses,
  csfFunctions,
  statusColor,
  useControls,
} from './use-controls';

export function ControlsPage() {
  const { t } = useTranslation('controls');
  const can = useCan();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [status, setStatus] = useState<string | null>(null);
  const [category, setCategory] = useState<string | null>(null);
  const [csfFunction, setCsfFunction] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const filters: ControlFilters = {
    ...(q ? { q } : {}),
    ...(status ? { status: status as ControlFilters['status'] } : {}),
    ...(category ? { category: category as ControlFilters['category'] } : {}),
    ...(csfFunction ? { csfFunction: csfFunction as ControlFilters['csfFunction'] } : {}),
  };
  const controls = useControls(filters);
  const filtered = Object.keys(filters).length > 0;

  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('intro')}
        actions={
          can.somewhere('applied_control:create') && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
              {t('newControl')}
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
          data={controlStatuses.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          value={status}
          onChange={setStatus}
          clearable
          w={170}
        />
        <Select
          label={t('fields.category')}
          placeholder={t('any')}
          data={controlCategories.map((c) => ({ value: c, label: t(`category.${c}`) }))}
          value={category}
          onChange={setCategory}
          clearable
          w={170}
        />
        <Select
          label={t('fields.csfFunction')}
          placeholder={t('any')}
          data={csfFunctions.map((f) => ({ value: f, label: t(`csf.${f}`) }))}
          value={csfFunction}
          onChange={setCsfFunction}
          clearable
          w={170}
        />
      </Group>
      <QueryState query={controls}>
        {controls.items.length === 0 ? (
          <Text c="dimmed">{filtered ? t('noMatch') : t('empty')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={820}>
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('fields.refId')}</Table.Th>
                  <Table.Th>{t('fields.name')}</Table.Th>
                  <Table.Th>{t('fields.status')}</Table.Th>
                  <Table.Th>{t('fields.category')}</Table.Th>
                  <Table.Th>{t('fields.priority')}</Table.Th>
                  <Table.Th>{t('fields.eta')}</Table.Th>
                  <Table.Th>{t('fields.progress')}</Table.Th>
                  <Table.Th>{t('columns.requirements')}</Table.Th>
                  <Table.Th>{t('columns.evidence')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {controls.items.map((control) => (
                  <Table.Tr key={control.id}>
                    <Table.Td>{control.refId ?? '—'}</Table.Td>
                    <Table.Td>
                      <Anchor
                        renderRoot={(props) => (
                          <Link {...props} to="/controls/$controlId" params={{ controlId: control.id }} />
                        )}
                      >
                        {control.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={statusColor[control.status]} variant="light">
                        {t(`status.${control.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{control.category ? t(`category.${control.category}`) : '—'}</Table.Td>
                    <Table.Td>{control.priority ? t('priority', { value: control.priority }) : '—'}</Table.Td>
                    <Table.Td>{control.eta ?? '—'}</Table.Td>
                    <Table.Td>
                      <Progress
                        value={control.progress}
                        aria-label={`${t('fields.progress')}: ${control.progress}`}
                        w={80}
                      />
                    </Table.Td>
                    <Table.Td>{control.requirementCount}</Table.Td>
                    <Table.Td>{control.evidenceCount}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <LoadMore query={controls} />
      </QueryState>
      <NewControlDialog opened={creating} onClose={() => setCreating(false)} />
    </>
  );
}
