import { Alert, Button, Fieldset, Group, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { z } from 'zod';
import { FolderSelect } from '../../../features/folders/FolderSelect';
import { FormAlert, fieldErrorsOf } from '../../forms/errors';
import { notifySuccess } from '../notify';
import { type DecisionNamespace, useDecisionT } from './kind';

const schema = z.object({
  name: z.string().trim().min(1, 'nameRequired').max(300),
  expiryDate: z.union([z.literal(''), z.iso.date()]),
});

/** The fields every decision record has, as the form sends them (the folder only when moved). */
export interface DecisionFields {
  id: string;
  version: number;
  name: string;
  refId: string | null;
  description: string | null;
  justification: string | null;
  expiryDate: string | null;
  folderId?: string;
}

interface DecisionRecordFormProps {
  ns: DecisionNamespace;
  record: {
    id: string;
    version: number;
    folderId: string;
    name: string;
    refId: string | null;
    description: string | null;
    justification: string | null;
    expiryDate: string | null;
  };
  editable: boolean;
  /** Whether a read-only form says why ("only as a draft"). */
  lockedHint: boolean;
  /** The update: its error (field errors go on the inputs) and whether it is under way. */
  update: { error: unknown; isPending: boolean };
  /** The kind's own inputs that show their own server error (beside the shared ones). */
  fields: string[];
  /** Saves the shared fields with the kind's own. */
  save: (fields: DecisionFields) => Promise<unknown>;
  /** The kind's input between folder and expiry date (severity). */
  besideFolder?: (errors: Record<string, string>) => ReactNode;
  /** The kind's people (approver, owner), below; given the field errors. */
  children: (errors: Record<string, string>) => ReactNode;
  onReload: () => void;
  /** Called on the first unsaved edit (the page holds back state changes until it is saved). */
  onEdit?: (() => void) | undefined;
}

/** A decision record's own fields; the feature remounts it on a new version and adds its own. */
export function DecisionRecordForm({
  ns,
  record,
  editable,
  lockedHint,
  update,
  fields,
  save,
  besideFolder,
  children,
  onReload,
  onEdit,
}: DecisionRecordFormProps) {
  const { t } = useDecisionT(ns);
  const [local, setLocal] = useState<Record<string, string>>({});
  const errors = { ...fieldErrorsOf(update.error), ...local };
  const [folderId, setFolderId] = useState<string | null>(record.folderId);

  const submit = async (data: FormData) => {
    const value = (name: string) => {
      const v = String(data.get(name) ?? '').trim();
      return v === '' ? null : v;
    };
    const parsed = schema.safeParse({ name: String(data.get('name') ?? ''), expiryDate: value('expiryDate') ?? '' });
    if (!parsed.success) {
      setLocal(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), t(i.message)])));
      return;
    }
    setLocal({});
    await save({
      id: record.id,
      version: record.version,
      name: parsed.data.name,
      refId: value('refId'),
      description: value('description'),
      justification: value('justification'),
      expiryDate: value('expiryDate'),
      ...(folderId && folderId !== record.folderId ? { folderId } : {}),
    });
    notifySuccess(t('common:states.saved'));
  };

  return (
    <form
      noValidate
      // Named inputs are the record's fields; a picker's search box (no name) is not an edit.
      onChange={(event) => (event.target as unknown as { name?: string }).name && onEdit?.()}
      onSubmit={(event) => {
        event.preventDefault();
        submit(new FormData(event.currentTarget)).catch(() => {});
      }}
    >
      <Fieldset legend={t('details')} disabled={!editable}>
        <Stack>
          {!editable && lockedHint && (
            <Alert color="gray" variant="light">
              {t('lockedHint')}
            </Alert>
          )}
          <FormAlert
            error={update.error}
            fields={['name', 'refId', 'description', 'justification', 'expiryDate', 'folderId', ...fields]}
            onReload={onReload}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              name="name"
              label={t('fields.name')}
              required
              maxLength={300}
              defaultValue={record.name}
              error={errors.name}
            />
            <TextInput
              name="refId"
              label={t('fields.refId')}
              maxLength={100}
              defaultValue={record.refId ?? ''}
              error={errors.refId}
            />
          </SimpleGrid>
          <Textarea
            name="description"
            label={t('fields.description')}
            autosize
            minRows={2}
            maxLength={20000}
            defaultValue={record.description ?? ''}
            error={errors.description}
          />
          <Textarea
            name="justification"
            label={t('fields.justification')}
            autosize
            minRows={3}
            maxLength={20000}
            defaultValue={record.justification ?? ''}
            error={errors.justification}
          />
          <SimpleGrid cols={{ base: 1, sm: besideFolder ? 3 : 2 }}>
            <FolderSelect
              label={t('fields.folder')}
              value={folderId}
              onChange={(id) => {
                setFolderId(id);
                onEdit?.();
              }}
              required
              error={errors.folderId}
            />
            {besideFolder?.(errors)}
            <TextInput
              name="expiryDate"
              type="date"
              label={t('fields.expiryDate')}
              defaultValue={record.expiryDate ?? ''}
              error={errors.expiryDate}
            />
          </SimpleGrid>
          {children(errors)}
          {editable && (
            <Group justify="flex-end">
              <Button type="submit" loading={update.isPending}>
                {t('common:actions.save')}
              </Button>
            </Group>
          )}
        </Stack>
      </Fieldset>
    </form>
  );
}
