import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../app/layout/PageHeader';
import { QueryState } from '../../app/layout/QueryState';
import { FolderSelect } from '../folders/FolderSelect';
import { ControlsByStatus, ResultsBreakdown } from './Breakdowns';
import { ExpiringEvidence } from './ExpiringEvidence';
import { AssessmentTable, FrameworkBars } from './FrameworkBars';
import { useDashboard } from './use-dashboard';

/** Compliance at a glance: per framework, results overall, controls by status and evidence to renew. */
export function DashboardPage() {
  const { t } = useTranslation('dashboard');
  const [folderId, setFolderId] = useState<string | null>(null);
  const dashboard = useDashboard(folderId);
  const data = dashboard.data;

  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('intro')}
        actions={<FolderSelect label={t('folder')} value={folderId} onChange={setFolderId} clearable />}
      />
      <QueryState query={dashboard}>
        {data && (
          <Stack gap="lg">
            <Card withBorder>
              <Title order={2} size="h4" mb="sm">
                {t('frameworks.title')}
              </Title>
              {data.frameworks.length === 0 ? (
                <Text c="dimmed">{t('frameworks.empty')}</Text>
              ) : (
                <FrameworkBars frameworks={data.frameworks} />
              )}
            </Card>
            <SimpleGrid cols={{ base: 1, md: 3 }}>
              <Card withBorder>
                <Title order={2} size="h4" mb="sm">
                  {t('results.title')}
                </Title>
                <ResultsBreakdown results={data.results} />
              </Card>
              <Card withBorder>
                <Title order={2} size="h4" mb="sm">
                  {t('controls.title')}
                </Title>
                <ControlsByStatus counts={data.controlsByStatus} />
              </Card>
              <Card withBorder>
                <Title order={2} size="h4" mb="sm">
                  {t('evidence.title')}
                </Title>
                <ExpiringEvidence evidence={data.evidence} />
              </Card>
            </SimpleGrid>
            {data.assessments.length > 0 && (
              <Card withBorder>
                <Title order={2} size="h4" mb="sm">
                  {t('assessments.title')}
                </Title>
                <AssessmentTable assessments={data.assessments} />
              </Card>
            )}
          </Stack>
        )}
      </QueryState>
    </>
  );
}
