import { Alert, Button, Fieldset, Group, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormAlert, fieldErrorsOf } from '../../app/forms/errors';
import { MemberPicker } from '../../app/ui/MemberPicker';
import { notifySuccess } from '../../app/ui/notify';
import { FolderSelect } from '../folders/FolderSelect';
import { type SecurityException, type Severity, severities, useUpdateException } from './use-security-exceptions';

const schema = z.object({
  name: z.string().trim().min(1, 'nameRequired').max(300),
  expiryDate: z.union([z.literal(''), z.iso.date()]),
});

/** The exception's own fields, editable as a draft or once expired (renewal); remount on a new version. */
export function ExceptionForm({
  exception,
  onReload,
  onEdit,
}: {
  exception: SecurityException;
  onReload: () => void;
  /** Called on the first unsaved edit (the page holds back state changes until it is saved). */
  onEdit?: () => void;
}) {
  const { t } = useTranslation(['securityExceptions', 'common']);
  const update = useUpdateException();
  const [local, setLocal] = useState<Record<string, string>>({});
  const errors = { ...fieldErrorsOf(update.error), ...local };
  const [folderId, setFolderId] = useState<string | null>(exception.folderId);
  const [severity, setSeverity] = useState<string | null>(exception.severity);
  // Newly picked people are saved with the other fields: saving one alone would remount the form (new version)
  // and throw away whatever was being typed.
  const [people, setPeople] = useState<{ ownerId?: string; approverId?: string }>({});
  const editable = exception.abilities.update;

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
      id: exception.id,
      version: exception.version,
      name: parsed.data.name,
      refId: value('refId'),
      description: value('description'),
      justification: value('justification'),
      expiryDate: value('expiryDate'),
      ...(severity ? { severity: severity as Severity } : {}),
      ...(folderId && folderId !== exception.folderId ? { folderId } : {}),
      ...(people.ownerId && people.ownerId !== exception.owner?.id ? { ownerId: people.ownerId } : {}),
      ...(people.approverId && people.approverId !== exception.approver?.id ? { approverId: people.approverId } : {}),
    });
    notifySuccess(t('common:states.saved'));
  };

  const person = (p: SecurityException['owner']) => (p ? `${p.displayName} <${p.email}>` : t('nobody'));

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
          {!editable && (
            <Alert color="gray" variant="light">
              {t('lockedHint')}
            </Alert>
          )}
          <FormAlert
            error={update.error}
            fields={[
              'name',
              'refId',
              'description',
              'justification',
              'expiryDate',
              'folderId',
              'severity',
              'ownerId',
              'approverId',
            ]}
            onReload={onReload}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              name="name"
              label={t('fields.name')}
              required
              maxLength={300}
              defaultValue={exception.name}
              error={errors.name}
            />
            <TextInput
              name="refId"
              label={t('fields.refId')}
              maxLength={100}
              defaultValue={exception.refId ?? ''}
              error={errors.refId}
            />
          </SimpleGrid>
          <Textarea
            name="description"
            label={t('fields.description')}
            autosize
            minRows={2}
            maxLength={20000}
            defaultValue={exception.description ?? ''}
            error={errors.description}
          />
          <Textarea
            name="justification"
            label={t('fields.justification')}
            autosize
            minRows={3}
            maxLength={20000}
            defaultValue={exception.justification ?? ''}
            error={errors.justification}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
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
            <Select
              label={t('fields.severity')}
              data={severities.map((s) => ({ value: s, label: t(`severity.${s}`) }))}
              value={severity}
              onChange={(value) => {
                setSeverity(value);
                onEdit?.();
              }}
              error={errors.severity}
            />
            <TextInput
              name="expiryDate"
              type="date"
              label={t('fields.expiryDate')}
              defaultValue={exception.expiryDate ?? ''}
              error={errors.expiryDate}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {(['ownerId', 'approverId'] as const).map((field) => (
              <Stack gap={4} key={field}>
                <Text size="sm" fw={500}>
                  {t(field === 'ownerId' ? 'fields.owner' : 'fields.approver')}
                </Text>
                <Text size="sm">{person(field === 'ownerId' ? exception.owner : exception.approver)}</Text>
                {field === 'approverId' && !exception.approver && (
                  <Text size="xs" c="dimmed">
                    {t('approverHint')}
                  </Text>
                )}
                {editable && (
                  <MemberPicker
                    label={t(field === 'ownerId' ? 'changeOwner' : 'changeApprover')}
                    description={field === 'approverId' ? t('approverRule') : undefined}
                    value={people[field] ?? null}
                    onChange={(id) => {
                      setPeople((p) => ({ ...p, [field]: id ?? undefined }));
                      onEdit?.();
                    }}
                    error={errors[field]}
                  />
                )}
              </Stack>
            ))}
          </SimpleGrid>
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
