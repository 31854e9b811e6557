import { Anchor, Badge, Button, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadMore } from '../../app/layout/LoadMore';
import { PageHeader } from '../../app/layout/PageHeader';
import { QueryState } from '../../app/layout/QueryState';
import { useCan } from '../../app/session/can';
import { NewAssessmentDialog } from './NewAssessmentDialog';
import { type AssessmentFilters, assessmentStatuses, statusColor, useRiskAssessments } from './use-risk-assessments';

export function RiskAssessmentsPage() {
  const { t } = useTranslation('riskAssessments');
  const can = useCan();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [status, setStatus] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const filters: AssessmentFilters = {
    ...(q ? { q } : {}),
    ...(status ? { status: status as AssessmentFilters['status'] } : {}),
  };
  const assessments = useRiskAssessments(filters);
  const filtered = Object.keys(filters).length > 0;

  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('intro')}
        actions={
          can.somewhere('risk_assessment:create') && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
              {t('newAssessment')}
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
          data={assessmentStatuses.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          value={status}
          onChange={setStatus}
          clearable
          w={170}
        />
      </Group>
      <QueryState query={assessments}>
        {assessments.items.length === 0 ? (
          <Text c="dimmed">{filtered ? t('noMatch') : t('empty')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('fields.refId')}</Table.Th>
                  <Table.Th>{t('fields.name')}</Table.Th>
                  <Table.Th>{t('fields.status')}</Table.Th>
                  <Table.Th>{t('fields.matrix')}</Table.Th>
                  <Table.Th>{t('fields.dueDate')}</Table.Th>
                  <Table.Th>{t('fields.scenarios')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {assessments.items.map((assessment) => (
                  <Table.Tr key={assessment.id}>
                    <Table.Td>{assessment.refId ?? '—'}</Table.Td>
                    <Table.Td>
                      <Anchor
                        renderRoot={(props) => (
                          <Link
                            {...props}
                            to="/risk-assessments/$riskAssessmentId"
                            params={{ riskAssessmentId: assessment.id }}
                          />
                        )}
                      >
                        {assessment.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={statusColor[assessment.status]} variant="light">
                        {t(`status.${assessment.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{assessment.riskMatrix.name}</Table.Td>
                    <Table.Td>{assessment.dueDate ?? '—'}</Table.Td>
                    <Table.Td>{assessment.scenarioCount}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <LoadMore query={assessments} />
      </QueryState>
      <NewAssessmentDialog opened={creating} onClose={() => setCreating(false)} />
    </>
  );
}
