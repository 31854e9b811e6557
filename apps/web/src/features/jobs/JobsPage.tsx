import { Badge, Progress, SegmentedControl, Stack, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api/client';
import { useFormatDate } from '../../app/format';
import { PageHeader } from '../../app/layout/PageHeader';
import { type Column, PagedTable } from '../../app/ui/list/PagedTable';
import { useListSearch } from '../../app/ui/list/use-list-search';
import { jobKeys } from './keys';
import { jobStatuses, validateJobsSearch } from './search';

const color = { queued: 'gray', running: 'blue', succeeded: 'green', failed: 'red', cancelled: 'gray' } as const;

export function JobsPage() {
  const { t } = useTranslation('jobs');
  const formatDate = useFormatDate();
  const [search, setSearch] = useListSearch(validateJobsSearch);
  const status = search.status;
  const jobs = useInfiniteQuery({
    queryKey: jobKeys.list(status ?? 'all'),
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/jobs', {
          params: { query: { ...(status ? { status } : {}), ...(pageParam ? { cursor: pageParam } : {}) } },
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
  type Job = (typeof items)[number];

  const columns: Column<Job>[] = [
    {
      id: 'type',
      header: t('columns.type'),
      cell: (job) => (
        <>
          <Text size="sm" ff="monospace">
            {job.type}
          </Text>
          <Text size="xs" c="dimmed">
            {job.error ?? job.message ?? t('attempts', { count: job.attempts })}
          </Text>
        </>
      ),
    },
    {
      id: 'status',
      header: t('columns.status'),
      cell: (job) => (
        <Badge color={color[job.status]} variant="light">
          {t(`status.${job.status}`)}
        </Badge>
      ),
    },
    {
      id: 'progress',
      header: t('columns.progress'),
      width: '30%',
      cell: (job) => (
        <>
          <Progress
            value={job.progress}
            color={color[job.status]}
            animated={job.status === 'running'}
            aria-label={t('progress', { percent: job.progress })}
          />
          <Text size="xs" c="dimmed">
            {t('progress', { percent: job.progress })}
          </Text>
        </>
      ),
    },
    { id: 'started', header: t('columns.started'), cell: (job) => formatDate(job.startedAt) },
    {
      id: 'finished',
      header: t('columns.finished'),
      cell: (job) => (job.finishedAt ? formatDate(job.finishedAt) : '—'),
    },
  ];

  return (
    <>
      <PageHeader title={t('title')} description={t('intro')} />
      <Stack gap={4} mb="md">
        <Text size="sm" fw={500} id="jobs-filter">
          {t('filter')}
        </Text>
        <SegmentedControl
          aria-labelledby="jobs-filter"
          value={status ?? 'all'}
          onChange={(picked) => setSearch({ status: jobStatuses.find((s) => s === picked) })}
          data={[{ value: 'all', label: t('all') }, ...jobStatuses.map((s) => ({ value: s, label: t(`status.${s}`) }))]}
          w="fit-content"
        />
      </Stack>
      <PagedTable
        query={{ ...jobs, items }}
        columns={columns}
        rowKey={(job) => job.id}
        emptyText={t('empty')}
        highlightOnHover={false}
      />
    </>
  );
}
