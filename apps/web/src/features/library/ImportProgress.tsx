import { Alert, Code, List, Progress, Stack, Text } from '@mantine/core';
import { IconAlertCircle, IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../app/layout/QueryState';
import { FrameworkLink } from './FrameworkLink';
import { frameworksOf, issueLocation, issuesOf, profileOf } from './import-result';
import { type JobRun, useImportRun } from './use-library';

/** Mantine titles light alerts in shade 6, about 3:1 on their tint: the body's text colour reads in both schemes. */
const alertTitle = { title: { color: 'var(--mantine-color-text)' } };

/** The server keeps at most this many issues on a failed run. */
const ISSUES_KEPT = 100;

/** Polls the import's job: a progress bar while it runs, then what was imported or where the file is wrong. */
export function ImportProgress({ jobId, fileName }: { jobId: string; fileName: string }) {
  const { t } = useTranslation('library');
  const run = useImportRun(jobId);
  return (
    <QueryState query={run}>
      {run.data &&
        (run.data.status === 'succeeded' ? (
          <Succeeded run={run.data} />
        ) : run.data.status === 'failed' || run.data.status === 'cancelled' ? (
          <Failed run={run.data} />
        ) : (
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('import.running', { file: fileName })}
            </Text>
            <Progress
              value={run.data.progress}
              animated
              aria-label={t('import.progress', { percent: run.data.progress })}
            />
            <Text size="xs" c="dimmed" aria-live="polite">
              {run.data.message ?? t('import.progress', { percent: run.data.progress })}
            </Text>
          </Stack>
        ))}
    </QueryState>
  );
}

function Succeeded({ run }: { run: JobRun }) {
  const { t } = useTranslation('library');
  const frameworks = frameworksOf(run);
  const profile = profileOf(run);
  return (
    <Alert
      color="green"
      icon={<IconCircleCheck aria-hidden />}
      title={t('import.succeeded')}
      role="status"
      styles={alertTitle}
    >
      <Stack gap={4}>
        {frameworks.map((framework) => (
          <Text size="sm" key={framework.id}>
            {framework.outcome === 'created' ? t('import.created') : t('import.unchanged')}:{' '}
            <FrameworkLink id={framework.id}>{t('import.open', { name: framework.name })}</FrameworkLink>
          </Text>
        ))}
        {profile && (
          <>
            <Text size="sm">
              {t(profile.outcome === 'applied' ? 'import.profileApplied' : 'import.profileUnchanged', {
                group: profile.implementationGroup,
                name: profile.frameworkName,
                count: profile.selected,
              })}
            </Text>
            {profile.unmatched.length > 0 && (
              <Text size="xs">{t('import.unmatched', { ids: profile.unmatched.join(', ') })}</Text>
            )}
            <FrameworkLink id={profile.frameworkId} size="sm">
              {t('import.open', { name: profile.frameworkName })}
            </FrameworkLink>
          </>
        )}
      </Stack>
    </Alert>
  );
}

function Failed({ run }: { run: JobRun }) {
  const { t } = useTranslation('library');
  const issues = issuesOf(run);
  return (
    <Alert
      color="red"
      icon={<IconAlertCircle aria-hidden />}
      title={t('import.failed')}
      role="alert"
      styles={alertTitle}
    >
      {issues.length === 0 ? (
        <Text size="sm">{run.error ?? run.message}</Text>
      ) : (
        <Stack gap="xs">
          <Text size="sm" fw={500} id="import-issues-title">
            {t('import.issuesTitle')}
          </Text>
          <List size="sm" spacing={6} aria-labelledby="import-issues-title" mah={300} style={{ overflowY: 'auto' }}>
            {issues.map((issue, index) => (
              // Issues have no id and may repeat; their order is the file's.
              // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list rendered once
              <List.Item key={index}>
                <Code>{issueLocation(issue)}</Code> — {issue.message}
              </List.Item>
            ))}
          </List>
          {issues.length >= ISSUES_KEPT && (
            <Text size="xs" c="dimmed">
              {t('import.issuesMore', { count: issues.length })}
            </Text>
          )}
        </Stack>
      )}
    </Alert>
  );
}
