import { Anchor, Button, Card, Divider, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../app/layout/ConfirmDialog';
import { PageHeader } from '../../app/layout/PageHeader';
import { QueryState } from '../../app/layout/QueryState';
import { useCan } from '../../app/session/can';
import { notifySuccess } from '../../app/ui/notify';
import { AssessmentForm } from './AssessmentForm';
import { FindingStatusBadge, SeverityBadge } from './badges';
import { FindingsTable } from './FindingsTable';
import { NewFindingDialog } from './NewFindingDialog';
import { OwnerSection } from './OwnerSection';
import {
  type FindingsAssessment,
  findingStatuses,
  severities,
  useAssessment,
  useDeleteAssessment,
  useUpdateAssessment,
} from './use-findings';

export function FindingsAssessmentPage() {
  const { findingsAssessmentId } = useParams({ from: '/app/findings-assessments/$findingsAssessmentId' });
  const assessment = useAssessment(findingsAssessmentId);
  return (
    <QueryState query={assessment}>
      {assessment.data && <AssessmentView assessment={assessment.data} onReload={() => assessment.refetch()} />}
    </QueryState>
  );
}

function Figure({ label, value }: { label: string; value: number }) {
  return (
    <Card withBorder padding="sm">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700}>
        {value}
      </Text>
    </Card>
  );
}

function AssessmentView({ assessment, onReload }: { assessment: FindingsAssessment; onReload: () => void }) {
  const { t } = useTranslation(['findings', 'common']);
  const can = useCan();
  const remove = useDeleteAssessment();
  const owner = useUpdateAssessment();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const [creating, setCreating] = useState(false);

  return (
    <>
      <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/findings" />}>
        ← {t('back')}
      </Anchor>
      <PageHeader
        title={assessment.refId ? `${assessment.refId} · ${assessment.name}` : assessment.name}
        description={t(`category.${assessment.category}`)}
        actions={
          <Group gap="xs">
            {can.somewhere('finding:create') && (
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
                {t('newFinding')}
              </Button>
            )}
            {assessment.abilities.delete && (
              <Button
                color="red.9"
                variant="filled"
                leftSection={<IconTrash size={16} aria-hidden />}
                onClick={() => setConfirming(true)}
              >
                {t('common:actions.delete')}
              </Button>
            )}
          </Group>
        }
      />
      <Stack gap="lg">
        <AssessmentForm key={assessment.version} assessment={assessment} onReload={onReload} />
        <OwnerSection
          owner={assessment.owner}
          editable={assessment.abilities.update}
          error={owner.error}
          onReload={onReload}
          onSave={(ownerId) =>
            owner.mutateAsync({ id: assessment.id, version: assessment.version, ownerId }).catch(() => {})
          }
        />
        <section aria-labelledby="findings-figures">
          <Title order={2} size="h4" id="findings-figures" mb="xs">
            {t('figures')}
          </Title>
          <SimpleGrid cols={{ base: 2, sm: 3 }} mb="sm">
            <Figure label={t('fields.findingCount')} value={assessment.findingCount} />
            <Figure label={t('fields.openCount')} value={assessment.openCount} />
            <Figure label={t('fields.overdueCount')} value={assessment.overdueCount} />
          </SimpleGrid>
          <Group gap="md" mb="xs">
            {severities.map((s) => (
              <Group key={s} gap={4} wrap="nowrap">
                <SeverityBadge severity={s} />
                <Text size="sm">{assessment.bySeverity[s]}</Text>
              </Group>
            ))}
          </Group>
          <Group gap="md">
            {findingStatuses.map((s) => (
              <Group key={s} gap={4} wrap="nowrap">
                <FindingStatusBadge status={s} />
                <Text size="sm">{assessment.byStatus[s]}</Text>
              </Group>
            ))}
          </Group>
        </section>
        <Divider />
        <Title order={2} size="h4">
          {t('assessmentFindings')}
        </Title>
        <FindingsTable filters={{ findingsAssessmentId: assessment.id, sort: '-severity' }} filtered={false} />
      </Stack>
      <NewFindingDialog opened={creating} onClose={() => setCreating(false)} findingsAssessmentId={assessment.id} />
      <ConfirmDialog
        opened={confirming}
        title={t('deleteAssessmentTitle')}
        body={t('deleteAssessmentBody', { name: assessment.name })}
        confirmLabel={t('common:actions.delete')}
        danger
        pending={remove.isPending}
        error={remove.error}
        onClose={() => {
          remove.reset();
          setConfirming(false);
        }}
        onConfirm={() =>
          remove.mutate(
            { id: assessment.id, version: assessment.version },
            {
              onSuccess: () => {
                notifySuccess(t('assessmentDeleted'));
                navigate({ to: '/findings' }).catch(() => {});
              },
            },
          )
        }
      />
    </>
  );
}
