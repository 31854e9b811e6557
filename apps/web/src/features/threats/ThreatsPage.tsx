import { ActionIcon, Badge, Button, Group, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconFileImport, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../app/layout/ConfirmDialog';
import { PageHeader } from '../../app/layout/PageHeader';
import { useCan } from '../../app/session/can';
import { ListFilters, SearchFilter, SelectFilter } from '../../app/ui/list/ListFilters';
import { type Column, PagedTable } from '../../app/ui/list/PagedTable';
import { hasFilters, useListSearch } from '../../app/ui/list/use-list-search';
import { notifySuccess } from '../../app/ui/notify';
import { ImportThreatsDialog } from './ImportThreatsDialog';
import { threatSources, validateThreatsSearch } from './search';
import { ThreatDialog } from './ThreatDialog';
import { type Threat, threatCategories, useDeleteThreat, useThreats } from './use-threats';

const isCategory = (value: string | null): value is (typeof threatCategories)[number] =>
  value !== null && (threatCategories as readonly string[]).includes(value);

export function ThreatsPage() {
  const { t, i18n } = useTranslation(['threats', 'common']);
  const can = useCan();
  // Imported threats may carry translations; show the reader's language when the file had it.
  const translated = (threat: Threat, field: 'name' | 'description') =>
    threat.translations?.[i18n.language.slice(0, 2)]?.[field] ?? threat[field];
  const [search, setSearch] = useListSearch(validateThreatsSearch);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [editing, setEditing] = useState<Threat | null>(null);
  const [deleting, setDeleting] = useState<Threat | null>(null);
  const remove = useDeleteThreat();
  const threats = useThreats(search);
  const mayCreate = can.somewhere('threat:create');

  const columns: Column<Threat>[] = [
    { id: 'refId', header: t('fields.refId'), cell: (threat) => threat.refId ?? '—' },
    {
      id: 'name',
      header: t('fields.name'),
      cell: (threat) => (
        <>
          <Text size="sm" fw={500}>
            {translated(threat, 'name')}
          </Text>
          {threat.description && (
            <Text size="xs" c="dimmed" lineClamp={2}>
              {translated(threat, 'description')}
            </Text>
          )}
        </>
      ),
    },
    {
      id: 'category',
      header: t('fields.category'),
      cell: (threat) => (isCategory(threat.category) ? t(`category.${threat.category}`) : (threat.category ?? '—')),
    },
    {
      id: 'source',
      header: t('fields.source'),
      cell: (threat) => (
        <Badge variant="light" color={threat.source === 'builtin' ? '#495057' : '#1864ab'}>
          {t(`source.${threat.source}`)}
        </Badge>
      ),
    },
    {
      id: 'actions',
      header: <VisuallyHidden>{t('common:actions.actions')}</VisuallyHidden>,
      cell: (threat) => (
        <Group gap={4} wrap="nowrap" justify="flex-end">
          {threat.abilities.update && (
            <Tooltip label={t('edit', { name: threat.name })}>
              <ActionIcon
                variant="subtle"
                aria-label={t('edit', { name: threat.name })}
                onClick={() => setEditing(threat)}
              >
                <IconPencil size={16} aria-hidden />
              </ActionIcon>
            </Tooltip>
          )}
          {threat.abilities.delete && (
            <Tooltip label={t('delete', { name: threat.name })}>
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t('delete', { name: threat.name })}
                onClick={() => setDeleting(threat)}
              >
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Tooltip>
          )}
        </Group>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('intro')}
        actions={
          mayCreate && (
            <Group>
              <Button
                variant="default"
                leftSection={<IconFileImport size={16} aria-hidden />}
                onClick={() => setImporting(true)}
              >
                {t('import.open')}
              </Button>
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
                {t('newThreat')}
              </Button>
            </Group>
          )
        }
      />
      <ListFilters>
        <SearchFilter
          label={t('search')}
          placeholder={t('searchHint')}
          value={search.q}
          onChange={(q) => setSearch({ q })}
        />
        <SelectFilter
          label={t('fields.category')}
          placeholder={t('any')}
          options={threatCategories.map((c) => ({ value: c, label: t(`category.${c}`) }))}
          value={search.category}
          onChange={(category) => setSearch({ category })}
          width={180}
        />
        <SelectFilter
          label={t('fields.source')}
          placeholder={t('any')}
          options={threatSources.map((source) => ({ value: source, label: t(`source.${source}`) }))}
          value={search.source}
          onChange={(source) => setSearch({ source })}
          width={180}
        />
      </ListFilters>
      <PagedTable
        query={threats}
        columns={columns}
        rowKey={(threat) => threat.id}
        emptyText={hasFilters(search) ? t('noMatch') : t('empty')}
        minWidth={760}
      />
      {creating && <ThreatDialog opened onClose={() => setCreating(false)} />}
      {editing && <ThreatDialog key={editing.id} threat={editing} opened onClose={() => setEditing(null)} />}
      <ImportThreatsDialog opened={importing} onClose={() => setImporting(false)} />
      <ConfirmDialog
        opened={deleting !== null}
        title={t('deleteTitle')}
        body={t('deleteBody', { name: deleting?.name ?? '' })}
        confirmLabel={t('common:actions.delete')}
        danger
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() => {
          if (!deleting) return;
          remove
            .mutateAsync({ id: deleting.id, version: deleting.version })
            .then(() => {
              notifySuccess(t('deleted'));
              setDeleting(null);
            })
            .catch(() => {});
        }}
        onClose={() => {
          remove.reset();
          setDeleting(null);
        }}
      />
    </>
  );
}
