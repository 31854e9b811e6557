import { Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { z } from 'zod';
import { FolderSelect } from '../../../features/folders/FolderSelect';
import { FormAlert, fieldErrorsOf } from '../../forms/errors';
import { notifySuccess } from '../notify';
import { type DecisionNamespace, useDecisionT } from './kind';

const schema = z.object({
  name: z.string().trim().min(1, 'nameRequired').max(300),
  folderId: z.uuid('folderRequired'),
  refId: z.string().trim().max(100),
  justification: z.string().trim().max(20000),
  expiryDate: z.union([z.literal(''), z.iso.date()]),
});

/** What every new decision record is created with (empty optional fields left out). */
export interface NewDecisionFields {
  folderId: string;
  name: string;
  refId?: string;
  justification?: string;
  expiryDate?: string;
}

interface NewDecisionRecordDialogProps {
  ns: DecisionNamespace;
  opened: boolean;
  onClose: () => void;
  /** The creation: its error (field errors go on the inputs), whether it is under way, and its reset. */
  create: { error: unknown; isPending: boolean; reset: () => void };
  /** The kind's own inputs that show their own server error (beside the shared ones). */
  fields: string[];
  /** Creates the record from the shared fields and the kind's own; the new record's page opens next. */
  save: (fields: NewDecisionFields) => Promise<{ id: string }>;
  /** Opens the new record's page. */
  open: (id: string) => Promise<unknown>;
  /** The kind's inputs between folder and expiry date (severity, people); given the field errors. */
  children: (errors: Record<string, string>) => ReactNode;
}

/** Name, reference, folder, the kind's inputs, expiry and justification; links are made on the record's page. */
export function NewDecisionRecordDialog({
  ns,
  opened,
  onClose,
  create,
  fields,
  save,
  open,
  children,
}: NewDecisionRecordDialogProps) {
  const { t } = useDecisionT(ns);
  const [folderId, setFolderId] = useState<string | null>(null);
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
      setLocal(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), t(i.message)])));
      return;
    }
    setLocal({});
    const { name, refId, justification, expiryDate } = parsed.data;
    const record = await save({
      folderId: parsed.data.folderId,
      name,
      ...(refId ? { refId } : {}),
      ...(justification ? { justification } : {}),
      ...(expiryDate ? { expiryDate } : {}),
    });
    notifySuccess(t('created'));
    close();
    await open(record.id);
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
            fields={['name', 'refId', 'folderId', 'justification', 'expiryDate', ...fields]}
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
          {children(errors)}
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
