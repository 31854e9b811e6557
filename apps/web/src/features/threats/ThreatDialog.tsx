import { Button, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert, fieldErrorsOf } from '../../app/forms/errors';
import { notifySuccess } from '../../app/ui/notify';
import { FolderSelect } from '../folders/FolderSelect';
import { checkThreatForm, type Threat, type ThreatForm, threatCategories, useSaveThreat } from './use-threats';

/** Creates an organisation threat, or edits one (`threat` given). Remount per threat (key) to reset the fields. */
export function ThreatDialog({ threat, opened, onClose }: { threat?: Threat; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation(['threats', 'common']);
  const save = useSaveThreat();
  const [form, setForm] = useState<ThreatForm>({
    name: threat?.name ?? '',
    refId: threat?.refId ?? '',
    description: threat?.description ?? '',
    category: (threat?.category as ThreatForm['category']) ?? null,
    folderId: threat?.folderId ?? '',
  });
  const [checked, setChecked] = useState(false);
  const local = checked ? checkThreatForm(form) : {};
  const server = fieldErrorsOf(save.error);
  const error = (field: keyof ThreatForm) =>
    local[field] ? t(`validation.${local[field]}`) : (server[field] ?? undefined);
  const set = <K extends keyof ThreatForm>(key: K, value: ThreatForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const close = () => {
    save.reset();
    onClose();
  };

  const submit = async () => {
    setChecked(true);
    if (Object.keys(checkThreatForm(form)).length > 0) return;
    await save.mutateAsync({ id: threat?.id, version: threat?.version, form });
    notifySuccess(threat ? t('common:states.saved') : t('created'));
    close();
  };

  return (
    <Modal opened={opened} onClose={close} title={threat ? t('editTitle') : t('createTitle')}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit().catch(() => {});
        }}
      >
        <Stack>
          <FormAlert error={save.error} fields={['name', 'refId', 'description', 'category', 'folderId']} />
          <TextInput
            label={t('fields.name')}
            value={form.name}
            onChange={(e) => set('name', e.currentTarget.value)}
            required
            maxLength={300}
            error={error('name')}
            data-autofocus
          />
          <TextInput
            label={t('fields.refId')}
            value={form.refId}
            onChange={(e) => set('refId', e.currentTarget.value)}
            maxLength={100}
            error={error('refId')}
          />
          <Select
            label={t('fields.category')}
            data={threatCategories.map((c) => ({ value: c, label: t(`category.${c}`) }))}
            value={form.category}
            onChange={(v) => set('category', v as ThreatForm['category'])}
            clearable
            error={error('category')}
          />
          <Textarea
            label={t('fields.description')}
            value={form.description}
            onChange={(e) => set('description', e.currentTarget.value)}
            autosize
            minRows={3}
            maxLength={20_000}
            error={error('description')}
          />
          <FolderSelect
            label={t('fields.folder')}
            value={form.folderId || null}
            onChange={(v) => set('folderId', v ?? '')}
            required
            error={error('folderId')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {threat ? t('common:actions.save') : t('common:actions.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
