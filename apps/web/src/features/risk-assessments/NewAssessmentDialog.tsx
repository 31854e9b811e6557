import { Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormAlert, fieldErrorsOf } from '../../app/forms/errors';
import { notifySuccess } from '../../app/ui/notify';
import { FolderSelect } from '../folders/FolderSelect';
import { useCreateAssessment, useMatrixOptions } from './use-risk-assessments';

const schema = z.object({
  name: z.string().trim().min(1, 'nameRequired').max(300),
  folderId: z.uuid('folderRequired'),
  riskMatrixId: z.uuid('matrixRequired'),
});

/** Folder, name, matrix, tolerance and due date; the rest is edited on the assessment's page. */
export function NewAssessmentDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation(['riskAssessments', 'common']);
  const create = useCreateAssessment();
  const matrices = useMatrixOptions();
  const navigate = useNavigate();
  const [folderId, setFolderId] = useState<string | null>(null);
  const [matrixId, setMatrixId] = useState<string | null>(null);
  const [tolerance, setTolerance] = useState<string | null>(null);
  const [local, setLocal] = useState<Record<string, string>>({});
  const errors = { ...fieldErrorsOf(create.error), ...local };
  const matrix = matrices.data?.find((m) => m.id === matrixId);
  const close = () => {
    create.reset();
    setLocal({});
    onClose();
  };

  const submit = async (data: FormData) => {
    const parsed = schema.safeParse({ name: data.get('name'), folderId, riskMatrixId: matrixId });
    if (!parsed.success) {
      setLocal(
        Object.fromEntries(
          parsed.error.issues.map((issue) => [
            String(issue.path[0]),
            t(`validation.${issue.message as 'nameRequired' | 'folderRequired' | 'matrixRequired'}`),
          ]),
        ),
      );
      return;
    }
    setLocal({});
    const refId = String(data.get('refId') ?? '').trim();
    const dueDate = String(data.get('dueDate') ?? '');
    const created = await create.mutateAsync({
      ...parsed.data,
      ...(refId ? { refId } : {}),
      ...(dueDate ? { dueDate } : {}),
      riskToleranceLevel: tolerance === null ? null : Number(tolerance),
    });
    notifySuccess(t('created'));
    close();
    await navigate({
      to: '/risk-assessments/$riskAssessmentId',
      params: { riskAssessmentId: created?.id ?? '' },
    });
  };

  return (
    <Modal opened={opened} onClose={close} title={t('createTitle')}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit(new FormData(event.currentTarget)).catch(() => {});
        }}
        noValidate
      >
        <Stack>
          <FormAlert
            error={create.error}
            fields={['name', 'refId', 'folderId', 'riskMatrixId', 'riskToleranceLevel', 'dueDate']}
          />
          <TextInput name="name" label={t('fields.name')} required maxLength={300} error={errors.name} data-autofocus />
          <TextInput name="refId" label={t('fields.refId')} maxLength={100} error={errors.refId} />
          <FolderSelect
            label={t('fields.folder')}
            value={folderId}
            onChange={setFolderId}
            required
            error={errors.folderId}
          />
          <Select
            label={t('fields.matrix')}
            data={(matrices.data ?? []).map((m) => ({
              value: m.id,
              label: m.revision > 1 ? `${m.name} (r${m.revision})` : m.name,
            }))}
            value={matrixId}
            onChange={(value) => {
              setMatrixId(value);
              setTolerance(null);
            }}
            required
            searchable
            error={errors.riskMatrixId}
          />
          {matrices.data && matrices.data.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('noMatrices')}
            </Text>
          )}
          <Select
            label={t('fields.tolerance')}
            placeholder={t('noTolerance')}
            data={(matrix?.definition.risk ?? []).map((level, index) => ({ value: String(index), label: level.name }))}
            value={tolerance}
            onChange={setTolerance}
            disabled={!matrix}
            clearable
            error={errors.riskToleranceLevel}
          />
          <TextInput name="dueDate" type="date" label={t('fields.dueDate')} error={errors.dueDate} />
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
