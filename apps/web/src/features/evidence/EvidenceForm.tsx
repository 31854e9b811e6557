import { Button, Fieldset, Group, NumberInput, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert, fieldErrorsOf } from '../../app/forms/errors';
import { MemberPicker } from '../../app/ui/MemberPicker';
import { notifySuccess } from '../../app/ui/notify';
import { FolderSelect } from '../folders/FolderSelect';
import { ExpiryBadge } from './ExpiryBadge';
import { type Evidence, useUpdateEvidence } from './use-evidence';

/** The evidence's own fields (its status has its own actions); remount on a new version. */
export function EvidenceForm({ evidence, onReload }: { evidence: Evidence; onReload: () => void }) {
  const { t } = useTranslation(['evidence', 'common']);
  const update = useUpdateEvidence();
  const errors = fieldErrorsOf(update.error);
  const [folderId, setFolderId] = useState<string | null>(evidence.folderId);
  const [reminderDays, setReminderDays] = useState<string | number>(evidence.reminderDays);
  const editable = evidence.abilities.update;

  const submit = async (data: FormData) => {
    const value = (name: string) => {
      const v = String(data.get(name) ?? '').trim();
      return v === '' ? null : v;
    };
    await update.mutateAsync({
      id: evidence.id,
      version: evidence.version,
      name: String(data.get('name') ?? ''),
      refId: value('refId'),
      description: value('description'),
      validUntil: value('validUntil'),
      reminderDays: reminderDays === '' ? evidence.reminderDays : Number(reminderDays),
      ...(folderId && folderId !== evidence.folderId ? { folderId } : {}),
    });
    notifySuccess(t('common:states.saved'));
  };

  const changeOwner = (ownerId: string | null) =>
    update.mutateAsync({ id: evidence.id, version: evidence.version, ownerId }).catch(() => {});

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit(new FormData(event.currentTarget)).catch(() => {});
      }}
    >
      <Fieldset legend={t('details')} disabled={!editable}>
        <Stack>
          <FormAlert
            error={update.error}
            fields={['name', 'refId', 'description', 'validUntil', 'reminderDays', 'folderId', 'ownerId']}
            onReload={onReload}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              name="name"
              label={t('fields.name')}
              required
              maxLength={300}
              defaultValue={evidence.name}
              error={errors.name}
            />
            <TextInput
              name="refId"
              label={t('fields.refId')}
              maxLength={100}
              defaultValue={evidence.refId ?? ''}
              error={errors.refId}
            />
          </SimpleGrid>
          <Textarea
            name="description"
            label={t('fields.description')}
            autosize
            minRows={2}
            maxLength={20000}
            defaultValue={evidence.description ?? ''}
            error={errors.description}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <FolderSelect
              label={t('fields.folder')}
              value={folderId}
              onChange={setFolderId}
              required
              error={errors.folderId}
            />
            <TextInput
              name="validUntil"
              type="date"
              label={t('fields.validUntil')}
              defaultValue={evidence.validUntil ?? ''}
              error={errors.validUntil}
            />
            <NumberInput
              label={t('fields.reminderDays')}
              min={0}
              max={365}
              allowDecimal={false}
              value={reminderDays}
              onChange={setReminderDays}
              error={errors.reminderDays}
            />
          </SimpleGrid>
          <Group gap="xs">
            <ExpiryBadge validUntil={evidence.validUntil} reminderDays={evidence.reminderDays} always />
          </Group>
          <Group align="flex-end" wrap="wrap">
            <Stack gap={2}>
              <Text size="sm" fw={500}>
                {t('fields.owner')}
              </Text>
              <Text size="sm">
                {evidence.owner ? `${evidence.owner.displayName} <${evidence.owner.email}>` : t('noOwner')}
              </Text>
            </Stack>
            {editable && (
              <MemberPicker label={t('changeOwner')} value={null} onChange={(id) => id && changeOwner(id)} />
            )}
          </Group>
          {errors.ownerId && (
            <Text c="red" size="sm">
              {errors.ownerId}
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
