import { Anchor, Badge, Button, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFileImport, IconPlus, IconSearch } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadMore } from '../../app/layout/LoadMore';
import { PageHeader } from '../../app/layout/PageHeader';
import { QueryState } from '../../app/layout/QueryState';
import { useCan } from '../../app/session/can';
import { ImportMatricesDialog } from './ImportMatricesDialog';
import { MatrixGrid } from './MatrixGrid';
import { NewMatrixDialog } from './NewMatrixDialog';
import { type MatrixFilters, useRiskMatrices } from './use-risk-matrices';

export function RiskMatricesPage() {
  const { t } = useTranslation('riskMatrices');
  const can = useCan();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [source, setSource] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const filters: MatrixFilters = {
    ...(q ? { q } : {}),
    ...(source ? { source: source as MatrixFilters['source'] } : {}),
  };
  const matrices = useRiskMatrices(filters);

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
      <Group mb="md" align="flex-end" wrap="wrap">
        <TextInput
          label={t('search')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          maxLength={200}
          type="search"
          w={260}
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
      <QueryState query={matrices}>
        {matrices.items.length === 0 ? (
          <Text c="dimmed">{t('empty')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={700}>
            <Table striped highlightOnHover verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('preview')}</Table.Th>
                  <Table.Th>{t('fields.name')}</Table.Th>
                  <Table.Th>{t('size')}</Table.Th>
                  <Table.Th>{t('fields.revision')}</Table.Th>
                  <Table.Th>{t('fields.source')}</Table.Th>
                  <Table.Th>{t('fields.inUse')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {matrices.items.map((matrix) => (
                  <Table.Tr key={matrix.id}>
                    <Table.Td>
                      <MatrixGrid definition={matrix.definition} compact caption={matrix.name} />
                    </Table.Td>
                    <Table.Td>
                      <Anchor
                        renderRoot={(props) => (
                          <Link {...props} to="/risk-matrices/$matrixId" params={{ matrixId: matrix.id }} />
                        )}
                      >
                        {matrix.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      {matrix.definition.probability.length} × {matrix.definition.impact.length}
                    </Table.Td>
                    <Table.Td>{matrix.revision}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={matrix.source === 'builtin' ? '#495057' : '#1864ab'}>
                        {t(`source.${matrix.source}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{matrix.inUse}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <LoadMore query={matrices} />
      </QueryState>
      {creating && <NewMatrixDialog opened onClose={() => setCreating(false)} />}
      <ImportMatricesDialog opened={importing} onClose={() => setImporting(false)} />
    </>
  );
}
