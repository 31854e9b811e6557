import { Accordion, Alert, Badge, Button, Group, List, Modal, Select, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../app/forms/errors';
import { QueryState } from '../../app/layout/QueryState';
import { notifySuccess } from '../../app/ui/notify';
import { type Assessment, resultColor } from './use-assessments';
import { type UpgradeReport, type UpgradeTarget, useUpgradeAssessment, useUpgradePreview } from './use-upgrade';

const label = (r: { refId: string | null; name: string | null; urn: string }) =>
  [r.refId, r.name].filter(Boolean).join(' ') || r.urn;

/**
 * Moves an assessment to another loaded version of its framework: pick the version, read what the server says
 * the move does (nothing is written until "Upgrade"), confirm.
 */
export function UpgradeDialog({
  assessment,
  targets,
  opened,
  onClose,
}: {
  assessment: Assessment;
  targets: UpgradeTarget[];
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation(['assessments', 'common']);
  const [frameworkId, setFrameworkId] = useState<string | null>(targets.length === 1 ? (targets[0]?.id ?? null) : null);
  const preview = useUpgradePreview(assessment.id, opened ? frameworkId : null);
  const upgrade = useUpgradeAssessment(assessment.id);

  const close = () => {
    upgrade.reset();
    onClose();
  };
  const confirm = () => {
    if (!frameworkId) return;
    upgrade
      .mutateAsync({ frameworkId, version: assessment.version })
      .then((result) => {
        notifySuccess(t('upgrade.done', { version: result.assessment.frameworkVersion }));
        close();
      })
      .catch(() => {});
  };

  return (
    <Modal opened={opened} onClose={close} title={t('upgrade.title')} size="xl">
      <Stack>
        <Text size="sm" c="dimmed">
          {t('upgrade.intro', { version: assessment.frameworkVersion })}
        </Text>
        <Select
          label={t('upgrade.pick')}
          data={targets.map((v) => ({
            value: v.id,
            label: t('upgrade.option', {
              name: v.name,
              version: v.frameworkVersion,
              direction: t(`upgrade.direction.${v.direction}`),
            }),
          }))}
          value={frameworkId}
          onChange={setFrameworkId}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
        />
        {frameworkId && (
          <QueryState query={preview}>{preview.data && <UpgradeReportView report={preview.data} />}</QueryState>
        )}
        <FormAlert error={upgrade.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common:actions.cancel')}
          </Button>
          <Button onClick={confirm} loading={upgrade.isPending} disabled={!preview.data || !frameworkId}>
            {t('upgrade.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The counts, then one expandable list per kind of change. */
function UpgradeReportView({ report }: { report: UpgradeReport }) {
  const { t } = useTranslation('assessments');
  const withContent = report.removed.filter(
    (r) => r.result !== 'not_assessed' || r.hasObservation || r.evidenceCount > 0 || r.controlCount > 0,
  ).length;
  return (
    <Stack gap="sm" aria-label={t('upgrade.report')} role="region">
      <Group gap="xs">
        <Badge color="blue" variant="light">
          {t('upgrade.added', { count: report.added.length })}
        </Badge>
        <Badge color="red" variant="light">
          {t('upgrade.removed', { count: report.removed.length })}
        </Badge>
        <Badge color="yellow" variant="light">
          {t('upgrade.changed', { count: report.changed.length })}
        </Badge>
        <Badge color="gray" variant="light">
          {t('upgrade.unchanged', { count: report.unchangedCount })}
        </Badge>
        {report.scoresCleared.length > 0 && (
          <Badge color="orange" variant="light">
            {t('upgrade.scoresCleared', { count: report.scoresCleared.length })}
          </Badge>
        )}
      </Group>
      {report.direction === 'older' && (
        <Alert color="yellow" icon={<IconAlertTriangle aria-hidden />}>
          {t('upgrade.olderWarning')}
        </Alert>
      )}
      {withContent > 0 && (
        <Alert color="orange" icon={<IconAlertTriangle aria-hidden />}>
          {t('upgrade.removedWarning', { count: withContent })}
        </Alert>
      )}
      <Accordion multiple variant="contained">
        {report.added.length > 0 && (
          <Accordion.Item value="added">
            <Accordion.Control>{t('upgrade.added', { count: report.added.length })}</Accordion.Control>
            <Accordion.Panel>
              <List size="sm">
                {report.added.map((r) => (
                  <List.Item key={r.urn}>{label(r)}</List.Item>
                ))}
              </List>
            </Accordion.Panel>
          </Accordion.Item>
        )}
        {report.removed.length > 0 && (
          <Accordion.Item value="removed">
            <Accordion.Control>{t('upgrade.removed', { count: report.removed.length })}</Accordion.Control>
            <Accordion.Panel>
              <List size="sm">
                {report.removed.map((r) => (
                  <List.Item key={r.urn}>
                    {label(r)}{' '}
                    <Badge size="xs" variant="dot" color={resultColor[r.result]}>
                      {t(`result.${r.result}`)}
                    </Badge>{' '}
                    <Text span size="xs" c="dimmed">
                      {[
                        t(`upgrade.reason.${r.reason}`),
                        r.hasObservation ? t('upgrade.hasObservation') : null,
                        r.evidenceCount > 0 ? t('upgrade.evidenceCount', { count: r.evidenceCount }) : null,
                        r.controlCount > 0 ? t('upgrade.controlCount', { count: r.controlCount }) : null,
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </Text>
                  </List.Item>
                ))}
              </List>
            </Accordion.Panel>
          </Accordion.Item>
        )}
        {report.changed.length > 0 && (
          <Accordion.Item value="changed">
            <Accordion.Control>{t('upgrade.changed', { count: report.changed.length })}</Accordion.Control>
            <Accordion.Panel>
              <List size="sm">
                {report.changed.map((r) => (
                  <List.Item key={r.urn}>
                    {r.refId ?? r.urn}{' '}
                    {r.nameBefore !== r.nameAfter ? `${r.nameBefore ?? '—'} → ${r.nameAfter ?? '—'}` : r.nameAfter}{' '}
                    <Text span size="xs" c="dimmed">
                      ({r.changes.map((c) => t(`upgrade.change.${c}`)).join(', ')})
                    </Text>
                  </List.Item>
                ))}
              </List>
            </Accordion.Panel>
          </Accordion.Item>
        )}
        {report.scoresCleared.length > 0 && (
          <Accordion.Item value="scores">
            <Accordion.Control>{t('upgrade.scoresCleared', { count: report.scoresCleared.length })}</Accordion.Control>
            <Accordion.Panel>
              <Text size="xs" c="dimmed" mb="xs">
                {t('upgrade.scoresHint', { version: report.to.frameworkVersion })}
              </Text>
              <List size="sm">
                {report.scoresCleared.map((r) => (
                  <List.Item key={r.urn}>
                    {r.refId ?? r.urn}: {r.score}
                  </List.Item>
                ))}
              </List>
            </Accordion.Panel>
          </Accordion.Item>
        )}
      </Accordion>
    </Stack>
  );
}
