import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Group,
  Menu,
  RingProgress,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconArrowUpCircle, IconChevronDown, IconDots, IconLock, IconScale } from '@tabler/icons-react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatDate } from '../../app/format';
import { FormAlert } from '../../app/forms/errors';
import { notifySuccess } from '../../app/ui/notify';
import { AssessmentExportMenu } from '../assessment-exports/AssessmentExportMenu';
import { RefreshInferenceButton } from '../mapping-inference/RefreshInferenceButton';
import {
  type Assessment,
  type AssessmentStatus,
  assessmentStatuses,
  requirementResults,
  resultColor,
  statusColor,
  useUpdateAssessment,
} from './use-assessments';

/**
 * Which statuses the caller may pick from here: reaching `done` (the lock) or leaving a locked state (`done`, or
 * `deprecated` reached from it) needs approve, as the server rules.
 */
function allowedTargets(assessment: Assessment): AssessmentStatus[] {
  const { abilities, status } = assessment;
  const locked = assessment.lockedAt !== null || status === 'done';
  return assessmentStatuses.filter((target) => {
    if (target === status) return false;
    if (target === 'done' || locked) return abilities.approve;
    if (status === 'in_review' && target === 'in_progress') return abilities.update || abilities.review;
    return abilities.update;
  });
}

/** Title, status menu, progress donut, score and result breakdown of the assessment. */
export const AssessmentHeader = memo(function AssessmentHeader({
  assessment,
  onCompare,
  onUpgrade,
}: {
  assessment: Assessment;
  onCompare: () => void;
  /** Set when another version of the framework is loaded and the caller may upgrade to it. */
  onUpgrade?: () => void;
}) {
  const { t } = useTranslation('assessments');
  const formatDate = useFormatDate();
  const update = useUpdateAssessment();
  const { summary } = assessment;
  const targets = allowedTargets(assessment);
  const locked = assessment.lockedAt !== null;

  const changeStatus = (status: AssessmentStatus) =>
    update
      .mutateAsync({ id: assessment.id, version: assessment.version, status })
      .then(() => notifySuccess(t('statusChanged', { status: t(`status.${status}`) })))
      .catch(() => {});

  const sections = requirementResults
    .filter((r) => summary.results[r] > 0)
    .map((r) => ({
      value: (summary.results[r] / Math.max(summary.total, 1)) * 100,
      color: resultColor[r],
      tooltip: t(`result.${r}`),
    }));

  return (
    <Stack gap="md" mb="md">
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={4}>
          <Title order={1} size="h2">
            {assessment.name}
          </Title>
          <Text c="dimmed" size="sm">
            {t('headerLine', {
              framework: assessment.frameworkName,
              version: assessment.frameworkVersion,
              folder: assessment.folderName,
            })}
            {assessment.implementationGroups.length > 0 && ` · ${assessment.implementationGroups.join(', ')}`}
            {assessment.dueDate && ` · ${t('due', { date: formatDate(assessment.dueDate, false) })}`}
          </Text>
        </Stack>
        <Group gap="xs">
          {targets.length > 0 ? (
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <Button
                  variant="light"
                  color={statusColor[assessment.status]}
                  rightSection={<IconChevronDown size={14} aria-hidden />}
                  leftSection={locked ? <IconLock size={14} aria-hidden /> : undefined}
                  loading={update.isPending}
                  aria-label={t('statusMenu', { status: t(`status.${assessment.status}`) })}
                >
                  {t(`status.${assessment.status}`)}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {targets.map((target) => (
                  <Menu.Item key={target} onClick={() => changeStatus(target)}>
                    {target === 'done'
                      ? t('lockAs', { status: t(`status.${target}`) })
                      : assessment.status === 'done'
                        ? t('reopenAs', { status: t(`status.${target}`) })
                        : t(`status.${target}`)}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
          ) : (
            <Badge
              size="lg"
              color={statusColor[assessment.status]}
              variant="light"
              leftSection={locked ? <IconLock size={12} aria-hidden /> : undefined}
            >
              {t(`status.${assessment.status}`)}
            </Badge>
          )}
          <Button variant="default" leftSection={<IconScale size={16} aria-hidden />} onClick={onCompare}>
            {t('compare.action')}
          </Button>
          {assessment.inferredFrom && assessment.inferredFrom.length > 0 && !locked && assessment.abilities.update && (
            <RefreshInferenceButton assessmentId={assessment.id} version={assessment.version} />
          )}
          <AssessmentExportMenu assessmentId={assessment.id} frameworkUrn={assessment.frameworkUrn} locked={locked} />
          {onUpgrade && (
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <ActionIcon variant="default" size="lg" aria-label={t('upgrade.moreActions')}>
                  <IconDots size={16} aria-hidden />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item leftSection={<IconArrowUpCircle size={14} aria-hidden />} onClick={onUpgrade}>
                  {t('upgrade.action')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          )}
        </Group>
      </Group>
      <FormAlert error={update.error} />
      {locked && (
        <Text size="sm" c="dimmed">
          <IconLock size={14} aria-hidden /> {t('lockedHint')}
        </Text>
      )}
      <Card withBorder padding="sm">
        <Group gap="xl" wrap="wrap">
          <RingProgress
            size={110}
            thickness={12}
            roundCaps
            sections={sections}
            aria-label={t('progressOf', { name: assessment.name, value: summary.progress })}
            label={
              <Text ta="center" fw={700} size="lg">
                {summary.progress}%
              </Text>
            }
          />
          <Stack gap={2}>
            <Text size="sm">{t('progressCount', { assessed: summary.assessed, total: summary.total })}</Text>
            <Text size="sm">
              {t('scoreLine', { method: t(`scoring.${summary.scoringMethod}`) })}{' '}
              <Text span fw={700} data-testid="assessment-score">
                {summary.score ?? '—'}
              </Text>
              {summary.maxScore !== null &&
                summary.score !== null &&
                summary.scoringMethod !== 'sum' &&
                ` / ${summary.maxScore}`}
            </Text>
          </Stack>
          <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="xs" aria-label={t('breakdown')}>
            {requirementResults.map((r) => (
              <Stack key={r} gap={0} align="center">
                <Text fw={700} size="lg" c={resultColor[r]} data-testid={`count-${r}`}>
                  {summary.results[r]}
                </Text>
                <Text size="xs" c="dimmed" ta="center">
                  {t(`result.${r}`)}
                </Text>
              </Stack>
            ))}
          </SimpleGrid>
        </Group>
      </Card>
    </Stack>
  );
});
