import { Alert, Button, Group, Modal, MultiSelect, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert, fieldErrorsOf } from '../../app/forms/errors';
import { notifySuccess } from '../../app/ui/notify';
import { resultColor, useAssessments } from '../assessments/use-assessments';
import { StatusLabel } from '../dashboard/StatusLabel';
import { FolderSelect } from '../folders/FolderSelect';
import { useFrameworks } from '../library/use-library';
import { useInferAssessment, usePreviewInference, useReachableFrameworks } from './use-inference';

const outcomes = ['compliant', 'partially_compliant', 'non_compliant', 'not_applicable'] as const;

interface Props {
  onClose: () => void;
  onCreated: (assessmentId: string) => void;
}

/**
 * Sources → target framework (those reachable through mapping sets first) → folder and name → preview of what
 * would be inferred → create. Changing a choice drops the preview, so what is created is what was previewed.
 */
export function InferAssessmentDialog({ onClose, onCreated }: Props) {
  const { t } = useTranslation(['dashboard', 'assessments', 'common']);
  const assessments = useAssessments({ q: '', status: null, frameworkId: null });
  const frameworks = useFrameworks('');
  const [sourceIds, setSourceIds] = useState<string[]>([]);
  const [targetId, setTargetId] = useState<string | null>(null);
  const [folderId, setFolderId] = useState<string | null>(null);
  const [name, setName] = useState('');
  const preview = usePreviewInference();
  const infer = useInferAssessment();
  const firstSource = assessments.items.find((a) => a.id === sourceIds[0]);
  const reachable = useReachableFrameworks(firstSource?.frameworkId ?? null);
  const errors = fieldErrorsOf(infer.error ?? preview.error);

  const sourceOptions = useMemo(
    () => assessments.items.map((a) => ({ value: a.id, label: `${a.name} — ${a.frameworkName}` })),
    [assessments.items],
  );
  const targetOptions = useMemo(() => {
    const near = reachable.data ?? [];
    const nearIds = new Set(near.map((f) => f.id));
    const others = frameworks.items.filter((f) => !nearIds.has(f.id));
    return [
      ...(near.length > 0
        ? [
            {
              group: t('infer.reachable'),
              items: near.map((f) => ({
                value: f.id,
                label: t('infer.reachableOption', { name: f.name, version: f.frameworkVersion, hops: f.hops }),
              })),
            },
          ]
        : []),
      {
        group: t('infer.others'),
        items: others.map((f) => ({
          value: f.id,
          label: t('infer.option', { name: f.name, version: f.frameworkVersion }),
        })),
      },
    ];
  }, [reachable.data, frameworks.items, t]);

  const changed =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      preview.reset();
      set(value);
    };
  const ready = sourceIds.length > 0 && targetId !== null;

  const create = async () => {
    if (!ready || !folderId || !targetId) return;
    const created = await infer.mutateAsync({
      sourceAssessmentIds: sourceIds,
      targetFrameworkId: targetId,
      folderId,
      name,
    });
    const inferred = outcomes.reduce((n, o) => n + created.counts[o], 0);
    notifySuccess(t('infer.created', { count: inferred }));
    onClose();
    onCreated(created.id);
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('infer.title')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common:actions.close') }}
    >
      <Stack>
        <Text size="sm" c="dimmed">
          {t('infer.intro')}
        </Text>
        <FormAlert
          error={infer.error ?? preview.error}
          fields={['sourceAssessmentIds', 'targetFrameworkId', 'folderId', 'name']}
        />
        <MultiSelect
          label={t('infer.sources')}
          description={t('infer.sourcesHint')}
          data={sourceOptions}
          value={sourceIds}
          onChange={changed(setSourceIds)}
          searchable
          required
          maxValues={20}
          error={errors.sourceAssessmentIds}
          nothingFoundMessage={t('infer.noAssessment')}
          comboboxProps={{ withinPortal: true }}
          data-autofocus
        />
        <Select
          label={t('infer.target')}
          data={targetOptions}
          value={targetId}
          onChange={changed(setTargetId)}
          searchable
          required
          error={errors.targetFrameworkId}
          comboboxProps={{ withinPortal: true }}
        />
        <FolderSelect
          label={t('infer.folder')}
          value={folderId}
          onChange={setFolderId}
          required
          error={errors.folderId}
        />
        <TextInput
          label={t('infer.name')}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          required
          maxLength={300}
          error={errors.name}
        />
        {preview.data && (
          <Stack gap="xs" data-testid="inference-preview">
            <Text fw={500}>{t('infer.previewTitle')}</Text>
            <Group gap="xs">
              {outcomes.map((o) => (
                <span key={o} data-testid={`preview-${o}`}>
                  <StatusLabel color={resultColor[o]}>
                    {t(`assessments:result.${o}`)}: {preview.data.counts[o]}
                  </StatusLabel>
                </span>
              ))}
              <StatusLabel color="gray">
                {t('infer.undetermined')}: {preview.data.counts.undetermined}
              </StatusLabel>
              <StatusLabel color="gray">
                {t('infer.unmapped')}: {preview.data.counts.unmapped}
              </StatusLabel>
            </Group>
            {preview.data.sources
              .filter((s) => !s.reachable)
              .map((s) => (
                <Alert key={s.id} color="yellow">
                  {t('infer.unreachable', { name: s.name })}
                </Alert>
              ))}
          </Stack>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common:actions.cancel')}
          </Button>
          <Button
            variant="light"
            disabled={!ready}
            loading={preview.isPending}
            onClick={() => {
              if (targetId) preview.mutate({ sourceAssessmentIds: sourceIds, targetFrameworkId: targetId });
            }}
          >
            {t('infer.preview')}
          </Button>
          <Button
            onClick={() => {
              create().catch(() => {});
            }}
            loading={infer.isPending}
            disabled={!ready || !folderId || name.trim() === '' || !preview.data}
          >
            {t('infer.create')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
