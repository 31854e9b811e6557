import { Alert, Anchor, Badge, Button, Group, Menu, Paper, SimpleGrid, Stack, Tabs, Text } from '@mantine/core';
import { IconChevronDown, IconLock, IconPencil, IconRefresh, IconTrash } from '@tabler/icons-react';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../app/forms/errors';
import { ConfirmDialog } from '../../app/layout/ConfirmDialog';
import { PageHeader } from '../../app/layout/PageHeader';
import { QueryState } from '../../app/layout/QueryState';
import { notifySuccess } from '../../app/ui/notify';
import { RiskExportMenu } from '../risk-exports/RiskExportMenu';
import { HeatMapPanel } from '../risk-register/HeatMapPanel';
import { TreatmentPlanPanel } from '../risk-register/TreatmentPlanPanel';
import { EditAssessmentDialog } from './EditAssessmentDialog';
import { RerateDialog } from './RerateDialog';
import { ScenariosTab } from './ScenariosTab';
import {
  assessmentStatuses,
  type RiskAssessment,
  statusColor,
  treatments,
  useDeleteAssessment,
  useRiskAssessment,
  useUpdateAssessment,
} from './use-risk-assessments';

export function RiskAssessmentPage() {
  const { riskAssessmentId } = useParams({ from: '/app/risk-assessments/$riskAssessmentId' });
  const assessment = useRiskAssessment(riskAssessmentId);
  return (
    <QueryState query={assessment}>
      {assessment.data && <AssessmentView assessment={assessment.data} onReload={() => assessment.refetch()} />}
    </QueryState>
  );
}

function Figure({ label, value }: { label: string; value: number | string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl">
        {value}
      </Text>
    </Paper>
  );
}

function AssessmentView({ assessment, onReload }: { assessment: RiskAssessment; onReload: () => void }) {
  const { t } = useTranslation(['riskAssessments', 'common']);
  const update = useUpdateAssessment();
  const remove = useDeleteAssessment();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const [rerating, setRerating] = useState(false);
  const [editing, setEditing] = useState(false);
  const tolerance =
    assessment.riskToleranceLevel === null
      ? t('noTolerance')
      : (assessment.riskMatrix.definition.risk[assessment.riskToleranceLevel]?.name ?? '—');
  const canChangeStatus = assessment.abilities.update || assessment.abilities.approve;

  return (
    <>
      <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/risk-assessments" />}>
        ← {t('back')}
      </Anchor>
      <PageHeader
        title={assessment.refId ? `${assessment.refId} · ${assessment.name}` : assessment.name}
        description={assessment.description ?? undefined}
        actions={
          <Group gap="xs">
            <Badge color={statusColor[assessment.status]} variant="light" size="lg">
              {t(`status.${assessment.status}`)}
            </Badge>
            {canChangeStatus && (
              <Menu position="bottom-end">
                <Menu.Target>
                  <Button variant="default" rightSection={<IconChevronDown size={14} aria-hidden />}>
                    {t('statusActions')}
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  {assessmentStatuses
                    .filter((s) => s !== assessment.status)
                    .map((status) => (
                      <Menu.Item
                        key={status}
                        onClick={() =>
                          update
                            .mutateAsync({ id: assessment.id, version: assessment.version, status })
                            .then(() => notifySuccess(t('common:states.saved')))
                            .catch(() => {})
                        }
                      >
                        {t('moveTo', { status: t(`status.${status}`) })}
                      </Menu.Item>
                    ))}
                </Menu.Dropdown>
              </Menu>
            )}
            {assessment.abilities.update && !assessment.locked && (
              <Button
                variant="default"
                leftSection={<IconPencil size={16} aria-hidden />}
                onClick={() => setEditing(true)}
              >
                {t('common:actions.edit')}
              </Button>
            )}
            {assessment.abilities.update && !assessment.locked && (
              <Button
                variant="default"
                leftSection={<IconRefresh size={16} aria-hidden />}
                onClick={() => setRerating(true)}
              >
                {t('rerate.open')}
              </Button>
            )}
            <RiskExportMenu riskAssessmentId={assessment.id} />
            {assessment.abilities.delete && (
              <Button
                color="red.9"
                leftSection={<IconTrash size={16} aria-hidden />}
                onClick={() => setConfirming(true)}
              >
                {t('common:actions.delete')}
              </Button>
            )}
          </Group>
        }
      />
      <Stack gap="md">
        <FormAlert error={update.error} onReload={onReload} />
        {assessment.locked && (
          <Alert color="gray" icon={<IconLock aria-hidden />}>
            {t('locked')}
          </Alert>
        )}
        <Group gap="lg">
          <Text size="sm">
            <b>{t('fields.matrix')}:</b> {assessment.riskMatrix.name} (r{assessment.riskMatrix.revision})
          </Text>
          <Text size="sm">
            <b>{t('fields.tolerance')}:</b> {tolerance}
          </Text>
          <Text size="sm">
            <b>{t('fields.dueDate')}:</b> {assessment.dueDate ?? '—'}
          </Text>
          {assessment.assessmentVersion && (
            <Text size="sm">
              <b>{t('fields.assessmentVersion')}:</b> {assessment.assessmentVersion}
            </Text>
          )}
          <Text size="sm">
            <b>{t('fields.authors')}:</b> {assessment.authors.map((p) => p.displayName).join(', ') || '—'}
          </Text>
          <Text size="sm">
            <b>{t('fields.reviewers')}:</b> {assessment.reviewers.map((p) => p.displayName).join(', ') || '—'}
          </Text>
        </Group>
        <SimpleGrid cols={{ base: 2, sm: 4, md: 8 }}>
          <Figure label={t('figures.scenarios')} value={assessment.counts.scenarios} />
          <Figure label={t('figures.rated')} value={assessment.counts.rated} />
          <Figure label={t('figures.flagged')} value={assessment.counts.flagged} />
          {treatments.map((treatment) => (
            <Figure
              key={treatment}
              label={t(`treatment.${treatment}`)}
              value={assessment.counts.byTreatment[treatment]}
            />
          ))}
        </SimpleGrid>
        <Tabs defaultValue="scenarios" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="scenarios">{t('tabs.scenarios')}</Tabs.Tab>
            <Tabs.Tab value="heat-maps">{t('tabs.heatMaps')}</Tabs.Tab>
            <Tabs.Tab value="treatment-plan">{t('tabs.treatmentPlan')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="scenarios" pt="md">
            <ScenariosTab assessment={assessment} />
          </Tabs.Panel>
          <Tabs.Panel value="heat-maps" pt="md">
            <HeatMapPanel riskAssessmentId={assessment.id} />
          </Tabs.Panel>
          <Tabs.Panel value="treatment-plan" pt="md">
            <TreatmentPlanPanel riskAssessmentId={assessment.id} />
          </Tabs.Panel>
        </Tabs>
      </Stack>
      <EditAssessmentDialog
        key={`edit-${assessment.version}`}
        assessment={assessment}
        opened={editing}
        onClose={() => setEditing(false)}
        onReload={onReload}
      />
      <RerateDialog
        key={assessment.version}
        assessment={assessment}
        opened={rerating}
        onClose={() => setRerating(false)}
      />
      <ConfirmDialog
        opened={confirming}
        title={t('deleteTitle')}
        body={t('deleteBody', { name: assessment.name })}
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
                notifySuccess(t('deleted'));
                navigate({ to: '/risk-assessments' }).catch(() => {});
              },
            },
          )
        }
      />
    </>
  );
}
