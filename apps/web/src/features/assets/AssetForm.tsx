import {
  Button,
  Fieldset,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert, fieldErrorsOf } from '../../app/forms/errors';
import { notifySuccess } from '../../app/ui/notify';
import { FolderSelect } from '../folders/FolderSelect';
import {
  type Asset,
  type AssetSettings,
  assetTypes,
  categoriesOf,
  type ObjectiveKey,
  type UpdateAssetBody,
  useUpdateAsset,
} from './use-assets';
import { assetFormProblems } from './validation';

const text = (data: FormData, name: string) => {
  const value = String(data.get(name) ?? '').trim();
  return value === '' ? null : value;
};
const minutes = (value: string | number) => (value === '' ? null : Number(value));
const labelEntries = (labels: Record<string, string>) => Object.entries(labels).map(([k, v]) => `${k}=${v}`);
const labelsOf = (entries: string[]) =>
  Object.fromEntries(
    entries
      .map((entry) => {
        const at = entry.indexOf('=');
        return at > 0 ? [entry.slice(0, at).trim(), entry.slice(at + 1).trim()] : [entry.trim(), ''];
      })
      .filter(([key]) => key !== ''),
  );

/** Every field of the asset; read-only for callers who may not update it. Remount on a new version. */
export function AssetForm({
  asset,
  settings,
  onReload,
}: {
  asset: Asset;
  settings: AssetSettings;
  onReload: () => void;
}) {
  const { t } = useTranslation(['assets', 'common']);
  const update = useUpdateAsset();
  const [folderId, setFolderId] = useState<string | null>(asset.folderId);
  const [type, setType] = useState<string | null>(asset.type);
  const [category, setCategory] = useState<string | null>(asset.category);
  const [objectives, setObjectives] = useState<Partial<Record<ObjectiveKey, string | null>>>(() =>
    Object.fromEntries(
      settings.enabledObjectives.map((o) => {
        const level = asset.securityObjectives[o];
        return [o, level === undefined ? null : String(level)];
      }),
    ),
  );
  const [rto, setRto] = useState<string | number>(asset.rtoMinutes ?? '');
  const [rpo, setRpo] = useState<string | number>(asset.rpoMinutes ?? '');
  const [mtd, setMtd] = useState<string | number>(asset.mtdMinutes ?? '');
  const [tags, setTags] = useState<string[]>(asset.tags);
  const [labels, setLabels] = useState<string[]>(labelEntries(asset.labels));
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const serverErrors = fieldErrorsOf(update.error);
  const errors: Record<string, string> = { ...serverErrors, ...localErrors };
  const editable = asset.abilities.update;
  const levelOptions = settings.objectiveScale.map((l) => ({ value: String(l.level), label: l.name }));

  const submit = async (data: FormData) => {
    const name = String(data.get('name') ?? '');
    const problems = assetFormProblems({ name, type, category, rtoMinutes: rto, rpoMinutes: rpo, mtdMinutes: mtd });
    setLocalErrors(Object.fromEntries(Object.entries(problems).map(([k, v]) => [k, t(v as 'validation.name')])));
    if (Object.keys(problems).length > 0) return;
    // Objectives not enabled any more are kept as stored: the form only edits the enabled ones.
    const securityObjectives: Record<string, number> = {};
    for (const [key, level] of Object.entries(asset.securityObjectives)) {
      if (!settings.enabledObjectives.includes(key as ObjectiveKey) && level !== undefined) {
        securityObjectives[key] = level;
      }
    }
    for (const [key, level] of Object.entries(objectives)) if (level) securityObjectives[key] = Number(level);
    const body: UpdateAssetBody & { id: string } = {
      id: asset.id,
      version: asset.version,
      name: name.trim(),
      refId: text(data, 'refId'),
      description: text(data, 'description'),
      businessValue: text(data, 'businessValue'),
      ...(folderId && folderId !== asset.folderId ? { folderId } : {}),
      type: (type ?? asset.type) as Asset['type'],
      category: category as Asset['category'],
      securityObjectives,
      rtoMinutes: minutes(rto),
      rpoMinutes: minutes(rpo),
      mtdMinutes: minutes(mtd),
      tags,
      labels: labelsOf(labels),
    };
    await update.mutateAsync(body);
    notifySuccess(t('common:states.saved'));
  };

  const fields = [
    'name',
    'refId',
    'description',
    'folderId',
    'type',
    'category',
    'businessValue',
    'rtoMinutes',
    'rpoMinutes',
    'mtdMinutes',
    'tags',
    'labels',
    ...settings.enabledObjectives.map((o) => `securityObjectives.${o}`),
  ];
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit(new FormData(event.currentTarget)).catch(() => {});
      }}
    >
      <Fieldset legend={t('details')} disabled={!editable}>
        <Stack>
          <FormAlert error={update.error} fields={fields} onReload={onReload} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              name="name"
              label={t('fields.name')}
              required
              maxLength={300}
              defaultValue={asset.name}
              error={errors.name}
            />
            <TextInput
              name="refId"
              label={t('fields.refId')}
              maxLength={100}
              defaultValue={asset.refId ?? ''}
              error={errors.refId}
            />
          </SimpleGrid>
          <Textarea
            name="description"
            label={t('fields.description')}
            autosize
            minRows={3}
            maxLength={20000}
            defaultValue={asset.description ?? ''}
            error={errors.description}
          />
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
            <FolderSelect label={t('fields.folder')} value={folderId} onChange={setFolderId} error={errors.folderId} />
            <Select
              label={t('fields.type')}
              data={assetTypes.map((value) => ({ value, label: t(`type.${value}`) }))}
              value={type}
              onChange={(value) => {
                setType(value);
                if (category && !(categoriesOf(value) as readonly string[]).includes(category)) setCategory(null);
              }}
              allowDeselect={false}
              error={errors.type}
            />
            <Select
              label={t('fields.category')}
              data={categoriesOf(type).map((value) => ({ value, label: t(`category.${value}`) }))}
              value={category}
              onChange={setCategory}
              clearable
              error={errors.category}
            />
          </SimpleGrid>
          <TextInput
            name="businessValue"
            label={t('fields.businessValue')}
            maxLength={300}
            defaultValue={asset.businessValue ?? ''}
            error={errors.businessValue}
          />
          <Fieldset legend={t('objectives.title')} variant="unstyled">
            <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
              {settings.enabledObjectives.map((o) => (
                <Select
                  key={o}
                  label={t(`objective.${o}`)}
                  placeholder={t('objectives.notRated')}
                  data={levelOptions}
                  value={objectives[o] ?? null}
                  onChange={(value) => setObjectives((current) => ({ ...current, [o]: value }))}
                  clearable
                  error={errors[`securityObjectives.${o}`]}
                />
              ))}
            </SimpleGrid>
          </Fieldset>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberInput
              label={t('fields.rto')}
              description={t('fields.rtoHint')}
              value={rto}
              onChange={setRto}
              min={0}
              allowDecimal={false}
              error={errors.rtoMinutes}
            />
            <NumberInput
              label={t('fields.rpo')}
              description={t('fields.rpoHint')}
              value={rpo}
              onChange={setRpo}
              min={0}
              allowDecimal={false}
              error={errors.rpoMinutes}
            />
            <NumberInput
              label={t('fields.mtd')}
              description={t('fields.mtdHint')}
              value={mtd}
              onChange={setMtd}
              min={0}
              allowDecimal={false}
              error={errors.mtdMinutes}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TagsInput
              label={t('fields.tags')}
              description={t('fields.tagsHint')}
              value={tags}
              onChange={setTags}
              maxTags={50}
              clearable
              error={errors.tags}
            />
            <TagsInput
              label={t('fields.labels')}
              description={t('fields.labelsHint')}
              value={labels}
              onChange={setLabels}
              maxTags={50}
              error={errors.labels}
            />
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
