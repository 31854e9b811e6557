import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert, fieldErrorsOf } from '../../app/forms/errors';
import { notifySuccess } from '../../app/ui/notify';
import { FolderSelect } from '../folders/FolderSelect';
import { type Severity, severities, useCreateFinding } from './use-findings';

/**
 * Title, severity, folder and the due date; the rest is edited on the finding's page, where this leads. Inside a
 * findings assessment the folder may stay empty: the finding then goes to the assessment's folder.
 */
export function NewFindingDialog({
  opened,
  onClose,
  findingsAssessmentId,
}: {
  opened: boolean;
  onClose: () => void;
  findingsAssessmentId?: string;
}) {
  const { t } = useTranslation(['findings', 'common']);
  const create = useCreateFinding();
  const navigate = useNavigate();
  const [folderId, setFolderId] = useState<string | null>(null);
  const [severity, setSeverity] = useState<string | null>('medium');
  const errors = fieldErrorsOf(create.error);
  const close = () => {
    create.reset();
    onClose();
  };

  const submit = async (data: FormData) => {
    const refId = String(data.get('refId') ?? '').trim();
    const dueDate = String(data.get('dueDate') ?? '').trim();
    const finding = await create.mutateAsync({
      title: String(data.get('title') ?? ''),
      severity: (severity ?? 'medium') as Severity,
      ...(folderId ? { folderId } : {}),
      ...(findingsAssessmentId ? { findingsAssessmentId } : {}),
      ...(refId ? { refId } : {}),
      ...(dueDate ? { dueDate } : {}),
    });
    notifySuccess(t('findingCreated'));
    close();
    await navigate({ to: '/findings/$findingId', params: { findingId: finding?.id ?? '' } });
  };

  return (
    <Modal opened={opened} onClose={close} title={t('createFindingTitle')}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit(new FormData(event.currentTarget)).catch(() => {});
        }}
      >
        <Stack>
          <FormAlert error={create.error} fields={['title', 'refId', 'folderId', 'severity', 'dueDate']} />
          <TextInput
            name="title"
            label={t('fields.title')}
            required
            maxLength={300}
            error={errors.title}
            data-autofocus
          />
          <TextInput name="refId" label={t('fields.refId')} maxLength={100} error={errors.refId} />
          <Select
            label={t('fields.severity')}
            data={severities.map((s) => ({ value: s, label: t(`severity.${s}`) }))}
            value={severity}
            onChange={setSeverity}
            allowDeselect={false}
            required
            error={errors.severity}
          />
          <FolderSelect
            label={findingsAssessmentId ? `${t('fields.folder')} (${t('folderHint')})` : t('fields.folder')}
            value={folderId}
            onChange={setFolderId}
            required={!findingsAssessmentId}
            clearable={Boolean(findingsAssessmentId)}
            error={errors.folderId}
          />
          <TextInput
            name="dueDate"
            type="date"
            label={t('fields.dueDate')}
            description={t('dueDateHint')}
            error={errors.dueDate}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('common:actions.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
