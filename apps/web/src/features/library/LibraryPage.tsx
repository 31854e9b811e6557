import { Badge, Button, Text } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../app/layout/PageHeader';
import { useCan } from '../../app/session/can';
import { ListFilters, SearchFilter } from '../../app/ui/list/ListFilters';
import { type Column, PagedTable } from '../../app/ui/list/PagedTable';
import { useListSearch } from '../../app/ui/list/use-list-search';
import { FrameworkLink } from './FrameworkLink';
import { GroupBadges } from './GroupBadges';
import { ImportDialog } from './ImportDialog';
import { validateLibrarySearch } from './search';
import { useFrameworks } from './use-library';

type FrameworkSummary = ReturnType<typeof useFrameworks>['items'][number];

export function LibraryPage() {
  const { t } = useTranslation('library');
  const can = useCan();
  const [search, setSearch] = useListSearch(validateLibrarySearch);
  const [importing, setImporting] = useState(false);
  const frameworks = useFrameworks(search.q ?? '');

  const columns: Column<FrameworkSummary>[] = [
    {
      id: 'name',
      header: t('columns.name'),
      cell: (framework) => (
        <>
          <FrameworkLink id={framework.id}>{framework.name}</FrameworkLink>
          <Text size="xs" c="dimmed">
            {t(`format.${framework.sourceFormat}`)}
            {framework.library && (
              <Badge size="xs" variant="filled" color="teal.9" ml={6}>
                {t('shipped')}
              </Badge>
            )}
          </Text>
        </>
      ),
    },
    { id: 'version', header: t('columns.version'), cell: (framework) => framework.frameworkVersion },
    { id: 'provider', header: t('columns.provider'), cell: (framework) => framework.provider ?? '—' },
    {
      id: 'requirements',
      header: t('columns.requirements'),
      cell: (framework) => t('counts', { assessable: framework.assessableCount, total: framework.requirementCount }),
    },
    {
      id: 'groups',
      header: t('columns.groups'),
      cell: (framework) =>
        framework.implementationGroups.length > 0 ? <GroupBadges groups={framework.implementationGroups} /> : '—',
    },
  ];

  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('intro')}
        actions={
          // Imported frameworks belong to the whole organisation, so importing needs the right at its root.
          can.everywhere('framework:create') && (
            <Button leftSection={<IconFileImport size={16} aria-hidden />} onClick={() => setImporting(true)}>
              {t('import.action')}
            </Button>
          )
        }
      />
      <ListFilters>
        <SearchFilter
          label={t('search')}
          placeholder={t('searchHint')}
          value={search.q}
          onChange={(q) => setSearch({ q })}
          width={360}
        />
      </ListFilters>
      <PagedTable
        query={frameworks}
        columns={columns}
        rowKey={(framework) => framework.id}
        emptyText={search.q ? t('noMatch') : t('empty')}
      />
      <ImportDialog opened={importing} onClose={() => setImporting(false)} />
    </>
  );
}
