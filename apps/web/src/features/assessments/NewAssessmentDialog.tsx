import { Button, Group, Modal, MultiSelect, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert, fieldErrorsOf } from '../../app/forms/errors';
import { notifySuccess } from '../../app/ui/notify';
import { FolderSelect } from '../folders/FolderSelect';
import { type FrameworkSummary, useFrameworks } from '../library/use-library';
import { serverFiltered, useServerSearch, withSelected } from './server-search';
import { useCreateAssessment } from './use-assessments';

const scoringMethods = ['average', 'sum', 'average_of_averages'] as const;
type ScoringMethod = (typeof scoringMethods)[number];

interface NewAssessmentDialogProps {
  opened: boolean;
  onClose: () => void;
  onCreated: (id: string) => void;
}

/** Name, framework (with its implementation groups), folder, scoring method and due date of a new assessment. */
export function NewAssessmentDialog({ opened, onClose, onCreated }: NewAssessmentDialogProps) {
  const { t } = useTranslation(['assessments', 'common']);
  const create = useCreateAssessment();
  // The picked framework is kept whole: its implementation groups must survive a later search.
  const [framework, setFramework] = useState<FrameworkSummary | null>(null);
  const frameworkId = framework?.id ?? null;
  const optionOf = useMemo(
    () => (f: FrameworkSummary) => ({
      value: f.id,
      label: t('frameworkOption', { name: f.name, version: f.frameworkVersion }),
    }),
    [t],
  );
  const { search, setSearch, q } = useServerSearch(framework ? optionOf(framework).label : null);
  const frameworks = useFrameworks(q);
  const [groups, setGroups] = useState<string[]>([]);
  const [folderId, setFolderId] = useState<string | null>(null);
  const [scoringMethod, setScoringMethod] = useState<ScoringMethod>('average');
  const errors = fieldErrorsOf(create.error);
  const frameworkOptions = useMemo(
    () => withSelected(frameworks.items.map(optionOf), framework ? optionOf(framework) : null),
    [frameworks.items, framework, optionOf],
  );

  const close = () => {
    create.reset();
    setFramework(null);
    setSearch('');
    setGroups([]);
    onClose();
  };

  const submit = async (data: FormData) => {
    if (!frameworkId || !folderId) return;
    const description = String(data.get('description') ?? '').trim();
    const dueDate = String(data.get('dueDate') ?? '');
    const created = await create.mutateAsync({
      name: String(data.get('name') ?? ''),
      frameworkId,
      folderId,
      scoringMethod,
      implementationGroups: groups,
      ...(description ? { description } : {}),
      ...(dueDate ? { dueDate } : {}),
    });
    notifySuccess(t('create.done', { count: created.requirementCount }));
    close();
    onCreated(created.id);
  };

  return (
    <Modal opened={opened} onClose={close} title={t('create.title')} size="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit(new FormData(event.currentTarget)).catch(() => {});
        }}
      >
        <Stack>
          <FormAlert
            error={create.error}
            fields={['name', 'frameworkId', 'folderId', 'implementationGroups', 'dueDate', 'description']}
          />
          <TextInput name="name" label={t('create.name')} required maxLength={300} error={errors.name} data-autofocus />
          <Select
            label={t('create.framework')}
            data={frameworkOptions}
            description={t('create.frameworkHint')}
            value={frameworkId}
            onChange={(value) => {
              if (value !== frameworkId) {
                setFramework(frameworks.items.find((f) => f.id === value) ?? null);
                setGroups([]);
              }
            }}
            searchable
            searchValue={search}
            onSearchChange={setSearch}
            filter={serverFiltered}
            required
            error={errors.frameworkId}
            nothingFoundMessage={frameworks.isFetching ? t('create.searching') : t('create.noFramework')}
            comboboxProps={{ withinPortal: true }}
          />
          {framework && framework.implementationGroups.length > 0 && (
            <MultiSelect
              label={t('create.groups')}
              description={t('create.groupsHint')}
              data={framework.implementationGroups.map((g) => ({ value: g.refId, label: g.name }))}
              value={groups}
              onChange={setGroups}
              error={errors.implementationGroups}
              clearable
              comboboxProps={{ withinPortal: true }}
            />
          )}
          <FolderSelect
            label={t('create.folder')}
            value={folderId}
            onChange={setFolderId}
            required
            error={errors.folderId}
          />
          <Select
            label={t('create.scoringMethod')}
            data={scoringMethods.map((m) => ({ value: m, label: t(`scoring.${m}`) }))}
            value={scoringMethod}
            onChange={(value) => setScoringMethod((value as ScoringMethod | null) ?? 'average')}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
          <TextInput name="dueDate" type="date" label={t('create.dueDate')} error={errors.dueDate} />
          <Textarea name="description" label={t('create.description')} maxLength={10000} autosize minRows={2} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} disabled={!frameworkId || !folderId}>
              {t('common:actions.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
