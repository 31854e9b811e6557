import { Anchor, Badge, Button, Group } from '@mantine/core';
import { IconFileImport, IconPlus } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../app/layout/PageHeader';
import { useCan } from '../../app/session/can';
import { ListFilters, SearchFilter, SelectFilter } from '../../app/ui/list/ListFilters';
import { type Column, PagedTable } from '../../app/ui/list/PagedTable';
import { useListSearch } from '../../app/ui/list/use-list-search';
import { ImportMatricesDialog } from './ImportMatricesDialog';
import { MatrixGrid } from './MatrixGrid';
import { NewMatrixDialog } from './NewMatrixDialog';
import { matrixSources, validateMatricesSearch } from './search';
import { useRiskMatrices } from './use-risk-matrices';

type MatrixSummary = ReturnType<typeof useRiskMatrices>['items'][number];

export function RiskMatricesPage() {
  const { t } = useTranslation('riskMatrices');
  const can = useCan();
  const [search, setSearch] = useListSearch(validateMatricesSearch);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const matrices = useRiskMatrices(search);

  const columns: Column<MatrixSummary>[] = [
    {
      id: 'preview',
      header: t('preview'),
      cell: (matrix) => <MatrixGrid definition={matrix.definition} compact caption={matrix.name} />,
    },
    {
      id: 'name',
      header: t('fields.name'),
      cell: (matrix) => (
        <Anchor
          renderRoot={(props) => <Link {...props} to="/risk-matrices/$matrixId" params={{ matrixId: matrix.id }} />}
        >
          {matrix.name}
        </Anchor>
      ),
    },
    {
      id: 'size',
      header: t('size'),
      cell: (matrix) => `${matrix.definition.probability.length} × ${matrix.definition.impact.length}`,
    },
    { id: 'revision', header: t('fields.revision'), cell: (matrix) => matrix.revision },
    {
      id: 'source',
      header: t('fields.source'),
      cell: (matrix) => (
        <Badge variant="light" color={matrix.source === 'builtin' ? '#495057' : '#1864ab'}>
          {t(`source.${matrix.source}`)}
        </Badge>
      ),
    },
    { id: 'inUse', header: t('fields.inUse'), cell: (matrix) => matrix.inUse },
  ];

  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('intro')}
        actions={
          // Both create matrices: the server checks risk_matrix:create on the folder each one picks.
          can.somewhere('risk_matrix:create') && (
            <Group>
              <Button
                variant="default"
                leftSection={<IconFileImport size={16} aria-hidden />}
                onClick={() => setImporting(true)}
              >
                {t('import.open')}
              </Button>
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
                {t('newMatrix')}
              </Button>
            </Group>
          )
        }
      />
      <ListFilters>
        <SearchFilter label={t('search')} value={search.q} onChange={(q) => setSearch({ q })} />
        <SelectFilter
          label={t('fields.source')}
          placeholder={t('any')}
          options={matrixSources.map((source) => ({ value: source, label: t(`source.${source}`) }))}
          value={search.source}
          onChange={(source) => setSearch({ source })}
          width={180}
        />
      </ListFilters>
      <PagedTable
        query={matrices}
        columns={columns}
        rowKey={(matrix) => matrix.id}
        emptyText={t('empty')}
        minWidth={700}
        verticalSpacing="sm"
      />
      {creating && <NewMatrixDialog opened onClose={() => setCreating(false)} />}
      <ImportMatricesDialog opened={importing} onClose={() => setImporting(false)} />
    </>
  );
}
