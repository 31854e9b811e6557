import { Anchor, Badge, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadMore } from '../../app/layout/LoadMore';
import { QueryState } from '../../app/layout/QueryState';
import { SeverityBadge } from './badges';
import {
  type AssessmentFilters,
  assessmentCategories,
  assessmentStatuses,
  severities,
  useAssessments,
} from './use-findings';

export function AssessmentsTable() {
  const { t } = useTranslation('findings');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [category, setCategory] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const filters: AssessmentFilters = {
    ...(q ? { q } : {}),
    ...(category ? { category: category as AssessmentFilters['category'] } : {}),
    ...(status ? { status: status as AssessmentFilters['status'] } : {}),
  };
  const assessments = useAssessments(filters);
  return (
    <>
      <Group mb="md" align="flex-end" wrap="wrap">
        <TextInput
          label={t('search')}
          placeholder={t('assessmentSearchHint')}
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
          data={assessmentCategories.map((c) => ({ value: c, label: t(`category.${c}`) }))}
          value={category}
          onChange={setCategory}
          clearable
          w={190}
        />
        <Select
          label={t('fields.status')}
          placeholder={t('any')}
          data={assessmentStatuses.map((s) => ({ value: s, label: t(`assessmentStatus.${s}`) }))}
          value={status}
          onChange={setStatus}
          clearable
          w={170}
        />
      </Group>
      <QueryState query={assessments}>
        {assessments.items.length === 0 ? (
          <Text c="dimmed">{t('assessmentsEmpty')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={820}>
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('fields.refId')}</Table.Th>
                  <Table.Th>{t('fields.name')}</Table.Th>
                  <Table.Th>{t('fields.category')}</Table.Th>
                  <Table.Th>{t('fields.status')}</Table.Th>
                  <Table.Th>{t('fields.openCount')}</Table.Th>
                  <Table.Th>{t('fields.overdueCount')}</Table.Th>
                  <Table.Th>{t('fields.severity')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {assessments.items.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>{a.refId ?? '—'}</Table.Td>
                    <Table.Td>
                      <Anchor
                        renderRoot={(props) => (
                          <Link
                            {...props}
                            to="/findings-assessments/$findingsAssessmentId"
                            params={{ findingsAssessmentId: a.id }}
                          />
                        )}
                      >
                        {a.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{t(`category.${a.category}`)}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color="#495057">
                        {t(`assessmentStatus.${a.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{a.openCount}</Table.Td>
                    <Table.Td>{a.overdueCount}</Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {severities
                          .filter((s) => a.bySeverity[s] > 0)
                          .map((s) => (
                            <Group key={s} gap={2} wrap="nowrap">
                              <SeverityBadge severity={s} size="sm" />
                              <Text size="sm">{a.bySeverity[s]}</Text>
                            </Group>
                          ))}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <LoadMore query={assessments} />
      </QueryState>
    </>
  );
}
