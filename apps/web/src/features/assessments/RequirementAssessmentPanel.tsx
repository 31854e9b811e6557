import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  List,
  NumberInput,
  Select,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { IconSparkles } from '@tabler/icons-react';
import { memo, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert, fieldErrorsOf } from '../../app/forms/errors';
import { QueryState } from '../../app/layout/QueryState';
import { notifySuccess } from '../../app/ui/notify';
import { RequirementExceptions } from '../security-exceptions/RequirementExceptions';
import { LinkPicker } from './LinkPicker';
import {
  type Assessment,
  type RequirementAssessment,
  type RequirementResult,
  type RequirementStatus,
  requirementResults,
  requirementStatuses,
  resultColor,
  useRequirementAssessment,
  useUpdateRequirementAssessment,
} from './use-assessments';
import classes from './workspace.module.css';

/** The selected requirement: its text, the assessment form, the inference and the links. */
export const RequirementAssessmentPanel = memo(function RequirementAssessmentPanel({
  assessment,
  id,
}: {
  assessment: Assessment;
  id: string | null;
}) {
  const { t } = useTranslation('assessments');
  const query = useRequirementAssessment(id);
  if (!id) {
    return (
      <Card withBorder className={classes.panel}>
        <Text c="dimmed" size="sm">
          {t('panel.empty')}
        </Text>
      </Card>
    );
  }
  return (
    <Card withBorder className={classes.panel} component="section" aria-labelledby="ra-panel-title">
      <QueryState query={query}>
        {query.data && (
          <PanelContent key={query.data.id} assessment={assessment} ra={query.data} onReload={() => query.refetch()} />
        )}
      </QueryState>
    </Card>
  );
});

function PanelContent({
  assessment,
  ra,
  onReload,
}: {
  assessment: Assessment;
  ra: RequirementAssessment;
  onReload: () => void;
}) {
  const { t } = useTranslation(['assessments', 'common']);
  const update = useUpdateRequirementAssessment(assessment.id);
  const [result, setResult] = useState<RequirementResult>(ra.result);
  const [status, setStatus] = useState<RequirementStatus>(ra.status);
  const [score, setScore] = useState<number | string>(ra.score ?? '');
  const [isScored, setIsScored] = useState(ra.isScored);
  const [observation, setObservation] = useState(ra.observation ?? '');
  // A save (or a reload after a conflict) brings a new version: the form follows it.
  useEffect(() => {
    setResult(ra.result);
    setStatus(ra.status);
    setScore(ra.score ?? '');
    setIsScored(ra.isScored);
    setObservation(ra.observation ?? '');
  }, [ra]);
  const errors = fieldErrorsOf(update.error);
  const hasScale = assessment.minScore !== null && assessment.maxScore !== null;
  const canEdit = ra.abilities.update;
  const canReview = ra.abilities.review || canEdit;

  const save = async () => {
    await update.mutateAsync({
      id: ra.id,
      version: ra.version,
      status,
      observation: observation.trim() === '' ? null : observation,
      ...(canEdit
        ? {
            ...(result !== ra.result ? { result } : {}),
            ...(hasScale ? { score: score === '' ? null : Number(score), isScored } : {}),
          }
        : {}),
    });
    notifySuccess(t('common:states.saved'));
  };
  const confirm = async () => {
    await update.mutateAsync({ id: ra.id, version: ra.version, inferred: false });
    notifySuccess(t('panel.confirmed'));
  };

  return (
    <Stack gap="sm">
      <div>
        <Title order={2} size="h4" id="ra-panel-title">
          {ra.requirement.refId && (
            <Text component="span" ff="monospace" inherit>
              {ra.requirement.refId}{' '}
            </Text>
          )}
          {ra.requirement.name}
        </Title>
        {ra.requirement.description && (
          <Text size="sm" className={classes.prose} mt={4}>
            {ra.requirement.description}
          </Text>
        )}
        {ra.requirement.typicalEvidence && (
          <Text size="xs" c="dimmed" mt={4}>
            {t('panel.typicalEvidence')}: {ra.requirement.typicalEvidence}
          </Text>
        )}
      </div>
      {ra.inferred && (
        <Alert color="grape" icon={<IconSparkles aria-hidden />} title={t('panel.inferred')}>
          <Stack gap={6}>
            <Text size="sm">{t('panel.inferredHint', { result: t(`result.${ra.result}`) })}</Text>
            {ra.inference && ra.inference.sources.length > 0 && (
              <List size="xs" aria-label={t('panel.sources')}>
                {ra.inference.sources.map((s) => (
                  <List.Item key={`${s.assessmentId}-${s.requirementUrn}`}>
                    {t('panel.source', {
                      ref: s.refId ?? s.requirementUrn,
                      result: t(`result.${s.result}`),
                      relationship: s.relationship,
                    })}
                  </List.Item>
                ))}
              </List>
            )}
            {canEdit && (
              <Group>
                <Button
                  size="xs"
                  variant="light"
                  color="grape"
                  onClick={() => confirm().catch(() => {})}
                  loading={update.isPending}
                >
                  {t('panel.confirm')}
                </Button>
              </Group>
            )}
          </Stack>
        </Alert>
      )}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save().catch(() => {});
        }}
      >
        <Stack gap="sm">
          <FormAlert
            error={update.error}
            fields={['score', 'observation']}
            onReload={() => {
              update.reset();
              onReload();
            }}
          />
          {!canEdit && !canReview && (
            <Text size="sm" c="dimmed">
              {t('panel.readOnly')}
            </Text>
          )}
          <Group grow align="flex-start">
            <Select
              label={t('panel.result')}
              data={requirementResults.map((r) => ({ value: r, label: t(`result.${r}`) }))}
              value={result}
              onChange={(value) => value && setResult(value as RequirementResult)}
              allowDeselect={false}
              disabled={!canEdit}
              comboboxProps={{ withinPortal: true }}
              leftSection={
                <Badge size="xs" circle color={resultColor[result]} aria-hidden>
                  {' '}
                </Badge>
              }
            />
            <Select
              label={t('panel.status')}
              data={requirementStatuses.map((s) => ({ value: s, label: t(`raStatus.${s}`) }))}
              value={status}
              onChange={(value) => value && setStatus(value as RequirementStatus)}
              allowDeselect={false}
              disabled={!canReview}
              comboboxProps={{ withinPortal: true }}
            />
          </Group>
          {hasScale && (
            <Group align="flex-end">
              <NumberInput
                label={t('panel.score', { min: assessment.minScore, max: assessment.maxScore })}
                value={score}
                onChange={setScore}
                min={assessment.minScore ?? undefined}
                max={assessment.maxScore ?? undefined}
                allowDecimal={false}
                disabled={!canEdit}
                error={errors.score}
                w={160}
              />
              <Checkbox
                label={t('panel.isScored')}
                checked={isScored}
                onChange={(event) => setIsScored(event.currentTarget.checked)}
                disabled={!canEdit}
                mb={8}
              />
            </Group>
          )}
          <Textarea
            label={t('panel.observation')}
            value={observation}
            onChange={(event) => setObservation(event.currentTarget.value)}
            autosize
            minRows={3}
            maxLength={20000}
            disabled={!canReview}
            error={errors.observation}
          />
          {(canEdit || canReview) && (
            <Group justify="flex-end">
              <Button type="submit" loading={update.isPending}>
                {t('common:actions.save')}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
      <LinkPicker assessmentId={assessment.id} ra={ra} kind="evidence" />
      <LinkPicker assessmentId={assessment.id} ra={ra} kind="controls" />
      <RequirementExceptions requirementAssessmentId={ra.id} />
    </Stack>
  );
}
