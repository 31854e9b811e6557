import { Anchor, Group, Progress, SegmentedControl, Stack, Text } from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../app/layout/PageHeader';
import { QueryState } from '../../app/layout/QueryState';
import type { Coverage } from '../dashboard/use-dashboard';
import { useCoverage } from '../dashboard/use-dashboard';
import { FolderSelect } from '../folders/FolderSelect';
import { type CoverageFilter, CoverageTable, coverageColor } from './CoverageTable';

function SummaryBar({ totals }: { totals: Coverage['totals'] }) {
  const { t } = useTranslation('dashboard');
  const part = (n: number) => (totals.assessable === 0 ? 0 : (100 * n) / totals.assessable);
  return (
    <Stack gap={6} data-testid="coverage-summary">
      <Progress.Root size="xl">
        <Progress.Section
          value={part(totals.covered)}
          color={coverageColor.covered}
          aria-label={t('coverage.covered')}
        />
        <Progress.Section
          value={part(totals.partial)}
          color={coverageColor.partial}
          aria-label={t('coverage.partial')}
        />
        <Progress.Section value={part(totals.gaps)} color={coverageColor.gap} aria-label={t('coverage.gap')} />
      </Progress.Root>
      <Text size="sm">
        {t('coverage.summary', {
          covered: totals.covered,
          partial: totals.partial,
          gaps: totals.gaps,
          total: totals.assessable,
        })}
      </Text>
      <Text size="xs" c="dimmed">
        {t('coverage.covered')}: {t('coverage.coveredHint')} · {t('coverage.partial')}: {t('coverage.partialHint')} ·{' '}
        {t('coverage.gap')}: {t('coverage.gapHint')}
      </Text>
    </Stack>
  );
}

/** How well a framework is covered by applied controls, requirement by requirement, with a gap filter. */
export function CoveragePage() {
  const { t } = useTranslation('dashboard');
  const { frameworkId } = useParams({ from: '/app/library/$frameworkId/coverage' });
  const [folderId, setFolderId] = useState<string | null>(null);
  const [filter, setFilter] = useState<CoverageFilter>('all');
  const coverage = useCoverage(frameworkId, folderId);

  return (
    <>
      <PageHeader
        title={t('coverage.title', { name: coverage.data?.framework.name ?? '…' })}
        description={t('coverage.intro')}
        actions={
          <Anchor renderRoot={(props) => <Link {...props} to="/library/$frameworkId" params={{ frameworkId }} />}>
            {t('coverage.back')}
          </Anchor>
        }
      />
      <QueryState query={coverage}>
        {coverage.data && (
          <Stack gap="md">
            <SummaryBar totals={coverage.data.totals} />
            <Group align="flex-end" wrap="wrap">
              <FolderSelect label={t('folder')} value={folderId} onChange={setFolderId} clearable />
              <Stack gap={4}>
                <Text size="sm" fw={500} id="coverage-filter-label">
                  {t('coverage.filter')}
                </Text>
                <SegmentedControl
                  aria-labelledby="coverage-filter-label"
                  value={filter}
                  onChange={(value) => setFilter(value as CoverageFilter)}
                  data={[
                    { value: 'all', label: t('coverage.all') },
                    { value: 'gap', label: t('coverage.gap') },
                    { value: 'partial', label: t('coverage.partial') },
                    { value: 'covered', label: t('coverage.covered') },
                  ]}
                />
              </Stack>
            </Group>
            <CoverageTable rows={coverage.data.requirements} filter={filter} />
          </Stack>
        )}
      </QueryState>
    </>
  );
}
