import { Alert, Button, Fieldset, Group, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormAlert, fieldErrorsOf } from '../../app/forms/errors';
import { MemberPicker } from '../../app/ui/MemberPicker';
import { notifySuccess } from '../../app/ui/notify';
import { FolderSelect } from '../folders/FolderSelect';
import { type RiskAcceptance, useUpdateAcceptance } from './use-risk-acceptances';

const schema = z.object({
  name: z.string().trim().min(1, 'nameRequired').max(300),
  expiryDate: z.union([z.literal(''), z.iso.date()]),
});

/** The acceptance's own fields, approver included, editable only while it is `created`; remount on a new version. */
export function AcceptanceForm({
  acceptance,
  onReload,
  onEdit,
}: {
  acceptance: RiskAcceptance;
  onReload: () => void;
  /** Called on the first unsaved edit (the page holds back state changes until it is saved). */
  onEdit?: () => void;
}) {
  const { t } = useTranslation(['riskAcceptances', 'common']);
  const update = useUpdateAcceptance();
  const [local, setLocal] = useState<Record<string, string>>({});
  const errors = { ...fieldErrorsOf(update.error), ...local };
  const [folderId, setFolderId] = useState<string | null>(acceptance.folderId);
  // A newly picked approver is saved with the other fields: saving it alone would remount the form (new version)
  // and throw away whatever was being typed.
  const [approverId, setApproverId] = useState<string | null>(null);
  const editable = acceptance.abilities.update;

  const submit = async (data: FormData) => {
    const value = (name: string) => {
      const v = String(data.get(name) ?? '').trim();
      return v === '' ? null : v;
    };
    const parsed = schema.safeParse({ name: String(data.get('name') ?? ''), expiryDate: value('expiryDate') ?? '' });
    if (!parsed.success) {
      setLocal(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), t(i.message as 'nameRequired')])));
      return;
    }
    setLocal({});
    await update.mutateAsync({
      id: acceptance.id,
      version: acceptance.version,
      name: parsed.data.name,
      refId: value('refId'),
      description: value('description'),
      justification: value('justification'),
      expiryDate: value('expiryDate'),
      ...(folderId && folderId !== acceptance.folderId ? { folderId } : {}),
      ...(approverId && approverId !== acceptance.approver?.id ? { approverId } : {}),
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
          {!editable && acceptance.state !== 'created' && (
            <Alert color="gray" variant="light">
              {t('lockedHint')}
            </Alert>
          )}
          <FormAlert
            error={update.error}
            fields={['name', 'refId', 'description', 'justification', 'expiryDate', 'folderId', 'approverId']}
            onReload={onReload}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              name="name"
              label={t('fields.name')}
              required
              maxLength={300}
              defaultValue={acceptance.name}
              error={errors.name}
            />
            <TextInput
              name="refId"
              label={t('fields.refId')}
              maxLength={100}
              defaultValue={acceptance.refId ?? ''}
              error={errors.refId}
            />
          </SimpleGrid>
          <Textarea
            name="description"
            label={t('fields.description')}
            autosize
            minRows={2}
            maxLength={20000}
            defaultValue={acceptance.description ?? ''}
            error={errors.description}
          />
          <Textarea
            name="justification"
            label={t('fields.justification')}
            autosize
            minRows={3}
            maxLength={20000}
            defaultValue={acceptance.justification ?? ''}
            error={errors.justification}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
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
            <TextInput
              name="expiryDate"
              type="date"
              label={t('fields.expiryDate')}
              defaultValue={acceptance.expiryDate ?? ''}
              error={errors.expiryDate}
            />
          </SimpleGrid>
          <Group align="flex-end" wrap="wrap">
            <Stack gap={2}>
              <Text size="sm" fw={500}>
                {t('fields.approver')}
              </Text>
              <Text size="sm">
                {acceptance.approver
                  ? `${acceptance.approver.displayName} <${acceptance.approver.email}>`
                  : t('noApprover')}
              </Text>
            </Stack>
            {editable && (
              <MemberPicker
                label={t('changeApprover')}
                description={t('approverHint')}
                value={approverId}
                onChange={(id) => {
                  setApproverId(id);
                  onEdit?.();
                }}
              />
            )}
          </Group>
          {errors.approverId && (
            <Text c="red" size="sm">
              {errors.approverId}
            </Text>
          )}
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
