import { Anchor, Badge, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useFormatDate } from '../../app/format';
import { PageHeader } from '../../app/layout/PageHeader';
import { QueryState } from '../../app/layout/QueryState';
import { MatrixEditor } from './MatrixEditor';
import { useMatrixRevisions, useRiskMatrix } from './use-risk-matrices';

export function RiskMatrixPage() {
  const { t } = useTranslation('riskMatrices');
  const formatDate = useFormatDate();
  const { matrixId } = useParams({ from: '/app/risk-matrices/$matrixId' });
  const matrix = useRiskMatrix(matrixId);
  const revisions = useMatrixRevisions(matrixId);

  return (
    <QueryState query={matrix}>
      {matrix.data && (
        <>
          <PageHeader
            title={matrix.data.name}
            description={matrix.data.description ?? undefined}
            actions={<Anchor renderRoot={(props) => <Link {...props} to="/risk-matrices" />}>{t('back')}</Anchor>}
          />
          <Group mb="md" gap="xs">
            <Badge variant="light" color={matrix.data.source === 'builtin' ? '#495057' : '#1864ab'}>
              {t(`source.${matrix.data.source}`)}
            </Badge>
            <Badge variant="outline" color="#495057">
              {t('revisionBadge', { revision: matrix.data.revision, latest: matrix.data.latestRevision })}
            </Badge>
            <Badge variant="outline" color="#495057">
              {t('usedBy', { count: matrix.data.inUse })}
            </Badge>
          </Group>
          <MatrixEditor key={`${matrix.data.id}:${matrix.data.version}`} matrix={matrix.data} />
          <Stack mt="xl" gap="xs">
            <Title order={2} size="h4">
              {t('revisions')}
            </Title>
            <Table withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('fields.revision')}</Table.Th>
                  <Table.Th>{t('fields.name')}</Table.Th>
                  <Table.Th>{t('fields.inUse')}</Table.Th>
                  <Table.Th>{t('fields.updatedAt')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(revisions.data?.items ?? []).map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>
                      {r.id === matrixId ? (
                        <Text size="sm" fw={700}>
                          {t('revisionCurrent', { revision: r.revision })}
                        </Text>
                      ) : (
                        <Anchor
                          renderRoot={(props) => (
                            <Link {...props} to="/risk-matrices/$matrixId" params={{ matrixId: r.id }} />
                          )}
                        >
                          {t('revisionLink', { revision: r.revision })}
                        </Anchor>
                      )}
                    </Table.Td>
                    <Table.Td>{r.name}</Table.Td>
                    <Table.Td>{r.inUse}</Table.Td>
                    <Table.Td>{formatDate(r.updatedAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        </>
      )}
    </QueryState>
  );
}
