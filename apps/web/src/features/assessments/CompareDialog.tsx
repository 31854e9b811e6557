import { Badge, Group, Modal, Select, Stack, Table, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../app/layout/QueryState';
import { serverFiltered, useServerSearch, withSelected } from './server-search';
import { type Assessment, resultColor, useAssessments, useComparison } from './use-assessments';

const changes = ['improved', 'regressed', 'changed', 'unchanged', 'added', 'removed'] as const;
const changeColor: Record<(typeof changes)[number], string> = {
  improved: 'green',
  regressed: 'red',
  changed: 'yellow',
  unchanged: 'gray',
  added: 'blue',
  removed: 'dark',
};

/** Compare with another assessment of the same framework (any version): counts, then the rows that moved. */
export function CompareDialog({
  assessment,
  opened,
  onClose,
}: {
  assessment: Assessment;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('assessments');
  const [picked, setPicked] = useState<{ value: string; label: string } | null>(null);
  const otherId = picked?.value ?? null;
  const { search, setSearch, q } = useServerSearch(picked?.label ?? null);
  // Any assessment of the framework's URN is reachable: the server searches by name as the user types.
  const candidates = useAssessments(
    { q, status: null, frameworkId: null, frameworkUrn: assessment.frameworkUrn },
    opened,
  );
  const options = useMemo(
    () =>
      withSelected(
        candidates.items
          .filter((a) => a.id !== assessment.id)
          .map((a) => ({ value: a.id, label: t('compare.option', { name: a.name, version: a.frameworkVersion }) })),
        picked,
      ),
    [candidates.items, assessment.id, picked, t],
  );
  const comparison = useComparison(assessment.id, opened ? otherId : null);
  const moved = comparison.data?.rows.filter((r) => r.change !== 'unchanged') ?? [];

  return (
    <Modal opened={opened} onClose={onClose} title={t('compare.title')} size="xl">
      <Stack>
        <Select
          label={t('compare.pick')}
          description={t('compare.searchHint')}
          data={options}
          value={otherId}
          onChange={(value) => setPicked(options.find((o) => o.value === value) ?? null)}
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          filter={serverFiltered}
          nothingFoundMessage={candidates.isFetching ? t('compare.searching') : t('compare.none')}
          comboboxProps={{ withinPortal: true }}
        />
        {otherId && (
          <QueryState query={comparison}>
            {comparison.data && (
              <>
                <Group gap="xs">
                  {changes.map((c) => (
                    <Badge key={c} color={changeColor[c]} variant="light">
                      {t(`compare.${c}`)}: {comparison.data.counts[c]}
                    </Badge>
                  ))}
                </Group>
                {moved.length === 0 ? (
                  <Text c="dimmed" size="sm">
                    {t('compare.noDifference')}
                  </Text>
                ) : (
                  <Table.ScrollContainer minWidth={560} mah={420}>
                    <Table striped>
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th>{t('compare.requirement')}</Table.Th>
                          <Table.Th>{t('compare.before', { name: comparison.data.other.name })}</Table.Th>
                          <Table.Th>{t('compare.after', { name: comparison.data.base.name })}</Table.Th>
                          <Table.Th>{t('compare.change')}</Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {moved.map((r) => (
                          <Table.Tr key={r.urn}>
                            <Table.Td>{[r.refId, r.name].filter(Boolean).join(' ') || r.urn}</Table.Td>
                            <Table.Td>
                              {r.before ? (
                                <Badge color={resultColor[r.before]} variant="dot">
                                  {t(`result.${r.before}`)}
                                </Badge>
                              ) : (
                                '—'
                              )}
                            </Table.Td>
                            <Table.Td>
                              {r.after ? (
                                <Badge color={resultColor[r.after]} variant="dot">
                                  {t(`result.${r.after}`)}
                                </Badge>
                              ) : (
                                '—'
                              )}
                            </Table.Td>
                            <Table.Td>
                              <Badge color={changeColor[r.change]}>{t(`compare.${r.change}`)}</Badge>
                            </Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </Table.ScrollContainer>
                )}
              </>
            )}
          </QueryState>
        )}
      </Stack>
    </Modal>
  );
}
