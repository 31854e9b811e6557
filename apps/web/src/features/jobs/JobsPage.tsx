import { Badge, Progress, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api/client';
import type { paths } from '../../app/api/schema';
import { useFormatDate } from '../../app/format';
import { LoadMore } from '../../app/layout/LoadMore';
import { PageHeader } from '../../app/layout/PageHeader';
import { QueryState } from '../../app/layout/QueryState';
import { jobKeys } from './keys';

type Status = NonNullable<NonNullable<paths['/api/v1/jobs']['get']['parameters']['query']>['status']>;
const statuses: Status[] = ['queued', 'running', 'succeeded', 'failed', 'cancelled'];
const color = { queued: 'gray', running: 'blue', succeeded: 'green', failed: 'red', cancelled: 'gray' } as const;

export function JobsPage() {
  const { t } = useTranslation('jobs');
  const formatDate = useFormatDate();
  const [status, setStatus] = useState<Status | 'all'>('all');
  const jobs = useInfiniteQuery({
    queryKey: jobKeys.list(status),
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/jobs', {
          params: { query: { ...(status === 'all' ? {} : { status }), ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // Poll only while something is still moving; a finished list stays quiet.
    refetchInterval: (query) =>
      query.state.data?.pages.some((p) => p.items.some((j) => j.status === 'queued' || j.status === 'running'))
        ? 2000
        : false,
  });
  const items = jobs.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageHeader title={t('title')} description={t('intro')} />
      <Stack gap={4} mb="md">
        <Text size="sm" fw={500} id="jobs-filter">
          {t('filter')}
        </Text>
        <SegmentedControl
          aria-labelledby="jobs-filter"
          value={status}
          onChange={(v) => setStatus(v as Status | 'all')}
          data={[{ value: 'all', label: t('all') }, ...statuses.map((s) => ({ value: s, label: t(`status.${s}`) }))]}
          w="fit-content"
        />
      </Stack>
      <QueryState query={jobs}>
        {items.length === 0 ? (
          <Text c="dimmed">{t('empty')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('columns.type')}</Table.Th>
                  <Table.Th>{t('columns.status')}</Table.Th>
                  <Table.Th w="30%">{t('columns.progress')}</Table.Th>
                  <Table.Th>{t('columns.started')}</Table.Th>
                  <Table.Th>{t('columns.finished')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((job) => (
                  <Table.Tr key={job.id}>
                    <Table.Td>
                      <Text size="sm" ff="monospace">
                        {job.type}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {job.error ?? job.message ?? t('attempts', { count: job.attempts })}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={color[job.status]} variant="light">
                        {t(`status.${job.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Progress
                        value={job.progress}
                        color={color[job.status]}
                        animated={job.status === 'running'}
                        aria-label={t('progress', { percent: job.progress })}
                      />
                      <Text size="xs" c="dimmed">
                        {t('progress', { percent: job.progress })}
                      </Text>
                    </Table.Td>
                    <Table.Td>{formatDate(job.startedAt)}</Table.Td>
                    <Table.Td>{job.finishedAt ? formatDate(job.finishedAt) : '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <LoadMore query={jobs} />
      </QueryState>
    </>
  );
}
