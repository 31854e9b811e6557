import { Anchor, Badge, Button, Group, Progress, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatDate } from '../../app/format';
import { LoadMore } from '../../app/layout/LoadMore';
import { PageHeader } from '../../app/layout/PageHeader';
import { QueryState } from '../../app/layout/QueryState';
import { useCan } from '../../app/session/can';
import { InferAssessmentButton } from '../mapping-inference/InferAssessmentButton';
import { NewAssessmentDialog } from './NewAssessmentDialog';
import { type AssessmentStatus, assessmentStatuses, statusColor, useAssessments } from './use-assessments';

export function AssessmentsPage() {
  const { t } = useTranslation('assessments');
  const can = useCan();
  const formatDate = useFormatDate();
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [status, setStatus] = useState<AssessmentStatus | null>(null);
  const [creating, setCreating] = useState(false);
  const assessments = useAssessments({ q, status, frameworkId: null });

  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('intro')}
        actions={
          <>
            <InferAssessmentButton />
            {can.somewhere('compliance_assessment:create') && (
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
                {t('create.action')}
              </Button>
            )}
          </>
        }
      />
      <Group mb="md" align="flex-end">
        <TextInput
          label={t('search')}
          placeholder={t('searchHint')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          maxLength={200}
          type="search"
          w={320}
        />
        <Select
          label={t('columns.status')}
          data={assessmentStatuses.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          value={status}
          onChange={(value) => setStatus(value as AssessmentStatus | null)}
          clearable
          placeholder={t('filters.any')}
          w={200}
        />
      </Group>
      <QueryState query={assessments}>
        {assessments.items.length === 0 ? (
          <Text c="dimmed">{q || status ? t('noMatch') : t('empty')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={820}>
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('columns.name')}</Table.Th>
                  <Table.Th>{t('columns.framework')}</Table.Th>
                  <Table.Th>{t('columns.folder')}</Table.Th>
                  <Table.Th>{t('columns.status')}</Table.Th>
                  <Table.Th>{t('columns.progress')}</Table.Th>
                  <Table.Th>{t('columns.dueDate')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {assessments.items.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>
                      <Anchor
                        renderRoot={(props) => (
                          <Link {...props} to="/assessments/$assessmentId" params={{ assessmentId: a.id }} />
                        )}
                      >
                        {a.name}
                      </Anchor>
                      {a.refId && (
                        <Text size="xs" c="dimmed" ff="monospace">
                          {a.refId}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {a.frameworkName}
                      <Text size="xs" c="dimmed">
                        {t('frameworkVersion', { version: a.frameworkVersion })}
                        {a.implementationGroups.length > 0 && ` · ${a.implementationGroups.join(', ')}`}
                      </Text>
                    </Table.Td>
                    <Table.Td>{a.folderName}</Table.Td>
                    <Table.Td>
                      <Badge color={statusColor[a.status]} variant="light">
                        {t(`status.${a.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td miw={140}>
                      <Progress
                        value={a.progress}
                        aria-label={t('progressOf', { name: a.name, value: a.progress })}
                        size="md"
                      />
                      <Text size="xs" c="dimmed">
                        {t('progressCount', {
                          assessed: a.requirementCount - a.results.not_assessed,
                          total: a.requirementCount,
                        })}
                      </Text>
                    </Table.Td>
                    <Table.Td>{a.dueDate ? formatDate(a.dueDate, false) : '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <LoadMore query={assessments} />
      </QueryState>
      <NewAssessmentDialog
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) => navigate({ to: '/assessments/$assessmentId', params: { assessmentId: id } })}
      />
    </>
  );
}
