import { Button, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormAlert, fieldErrorsOf } from '../../app/forms/errors';
import { MemberPicker } from '../../app/ui/MemberPicker';
import { notifySuccess } from '../../app/ui/notify';
import { FolderSelect } from '../folders/FolderSelect';
import { type Severity, severities, useCreateException } from './use-security-exceptions';

const schema = z.object({
  name: z.string().trim().min(1, 'nameRequired').max(300),
  folderId: z.uuid('folderRequired'),
  refId: z.string().trim().max(100),
  justification: z.string().trim().max(20000),
  expiryDate: z.union([z.literal(''), z.iso.date()]),
});

/** Name, folder, severity, people, expiry and justification; links are made on the page this leads to. */
export function NewSecurityExceptionDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation(['securityExceptions', 'common']);
  const create = useCreateException();
  const navigate = useNavigate();
  const [folderId, setFolderId] = useState<string | null>(null);
  const [severity, setSeverity] = useState<string | null>('medium');
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const [approverId, setApproverId] = useState<string | null>(null);
  const [local, setLocal] = useState<Record<string, string>>({});
  const errors = { ...fieldErrorsOf(create.error), ...local };
  const close = () => {
    create.reset();
    setLocal({});
    onClose();
  };

  const submit = async (data: FormData) => {
    const parsed = schema.safeParse({
      name: String(data.get('name') ?? ''),
      folderId: folderId ?? '',
      refId: String(data.get('refId') ?? ''),
      justification: String(data.get('justification') ?? ''),
      expiryDate: String(data.get('expiryDate') ?? ''),
    });
    if (!parsed.success) {
      setLocal(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), t(i.message as 'nameRequired')])));
      return;
    }
    setLocal({});
    const { name, refId, justification, expiryDate } = parsed.data;
    const exception = await create.mutateAsync({
      folderId: parsed.data.folderId,
      name,
      ...(refId ? { refId } : {}),
      ...(justification ? { justification } : {}),
      ...(expiryDate ? { expiryDate } : {}),
      ...(severity ? { severity: severity as Severity } : {}),
      ...(ownerId ? { ownerId } : {}),
      ...(approverId ? { approverId } : {}),
    });
    notifySuccess(t('created'));
    close();
    await navigate({ to: '/security-exceptions/$exceptionId', params: { exceptionId: exception.id } });
  };

  return (
    <Modal opened={opened} onClose={close} title={t('createTitle')} size="lg">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit(new FormData(event.currentTarget)).catch(() => {});
        }}
      >
        <Stack>
          <FormAlert
            error={create.error}
            fields={['name', 'refId', 'folderId', 'justification', 'expiryDate', 'severity', 'ownerId', 'approverId']}
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
            label={t('fields.severity')}
            data={severities.map((s) => ({ value: s, label: t(`severity.${s}`) }))}
            value={severity}
            onChange={setSeverity}
            error={errors.severity}
          />
          <MemberPicker label={t('fields.owner')} value={ownerId} onChange={setOwnerId} error={errors.ownerId} />
          <MemberPicker
            label={t('fields.approver')}
            value={approverId}
            onChange={setApproverId}
            error={errors.approverId}
          />
          <TextInput name="expiryDate" type="date" label={t('fields.expiryDate')} error={errors.expiryDate} />
          <Textarea
            name="justification"
            label={t('fields.justification')}
            autosize
            minRows={3}
            maxLength={20000}
            error={errors.justification}
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
