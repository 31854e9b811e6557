import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Select,
  Table,
  Text,
  TextInput,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFileImport, IconPencil, IconPlus, IconSearch, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../app/layout/ConfirmDialog';
import { LoadMore } from '../../app/layout/LoadMore';
import { PageHeader } from '../../app/layout/PageHeader';
import { QueryState } from '../../app/layout/QueryState';
import { useCan } from '../../app/session/can';
import { notifySuccess } from '../../app/ui/notify';
import { ImportThreatsDialog } from './ImportThreatsDialog';
import { ThreatDialog } from './ThreatDialog';
import { type Threat, type ThreatFilters, threatCategories, useDeleteThreat, useThreats } from './use-threats';

const isCategory = (value: string | null): value is (typeof threatCategories)[number] =>
  value !== null && (threatCategories as readonly string[]).includes(value);

export function ThreatsPage() {
  const { t, i18n } = useTranslation(['threats', 'common']);
  const can = useCan();
  // Imported threats may carry translations; show the reader's language when the file had it.
  const translated = (threat: Threat, field: 'name' | 'description') =>
    threat.translations?.[i18n.language.slice(0, 2)]?.[field] ?? threat[field];
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [category, setCategory] = useState<string | null>(null);
  const [source, setSource] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [editing, setEditing] = useState<Threat | null>(null);
  const [deleting, setDeleting] = useState<Threat | null>(null);
  const remove = useDeleteThreat();
  const filters: ThreatFilters = {
    ...(q ? { q } : {}),
    ...(category ? { category: category as ThreatFilters['category'] } : {}),
    ...(source ? { source: source as ThreatFilters['source'] } : {}),
  };
  const threats = useThreats(filters);
  const filtered = Object.keys(filters).length > 0;
  const mayCreate = can.somewhere('threat:create');

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
          label={t('fields.category')}
          placeholder={t('any')}
          data={threatCategories.map((c) => ({ value: c, label: t(`category.${c}`) }))}
          value={category}
          onChange={setCategory}
          clearable
          w={180}
        />
        <Select
          label={t('fields.source')}
          placeholder={t('any')}
          data={[
            { value: 'builtin', label: t('source.builtin') },
            { value: 'organization', label: t('source.organization') },
          ]}
          value={source}
          onChange={setSource}
          clearable
          w={180}
        />
      </Group>
      <QueryState query={threats}>
        {threats.items.length === 0 ? (
          <Text c="dimmed">{filtered ? t('noMatch') : t('empty')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('fields.refId')}</Table.Th>
                  <Table.Th>{t('fields.name')}</Table.Th>
                  <Table.Th>{t('fields.category')}</Table.Th>
                  <Table.Th>{t('fields.source')}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t('common:actions.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {threats.items.map((threat) => (
                  <Table.Tr key={threat.id}>
                    <Table.Td>{threat.refId ?? '—'}</Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {translated(threat, 'name')}
                      </Text>
                      {threat.description && (
                        <Text size="xs" c="dimmed" lineClamp={2}>
                          {translated(threat, 'description')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {isCategory(threat.category) ? t(`category.${threat.category}`) : (threat.category ?? '—')}
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={threat.source === 'builtin' ? '#495057' : '#1864ab'}>
                        {t(`source.${threat.source}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
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
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <LoadMore query={threats} />
      </QueryState>
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
