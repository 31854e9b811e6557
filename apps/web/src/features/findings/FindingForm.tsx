import { Button, Fieldset, Group, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert, fieldErrorsOf } from '../../app/forms/errors';
import { notifySuccess } from '../../app/ui/notify';
import { FolderSelect } from '../folders/FolderSelect';
import { OverdueBadge } from './badges';
import {
  type Finding,
  findingStatuses,
  severities,
  type UpdateFindingBody,
  useAssessmentOptions,
  useUpdateFinding,
} from './use-findings';

const text = (data: FormData, name: string) => {
  const value = String(data.get(name) ?? '').trim();
  return value === '' ? null : value;
};

/**
 * The finding's fields; read-only for callers who may not update it. Remount on a new version. The due date is
 * sent only when changed here, so a severity change lets the server recompute a due date that came from the SLA.
 */
export function FindingForm({ finding, onReload }: { finding: Finding; onReload: () => void }) {
  const { t } = useTranslation(['findings', 'common']);
  const update = useUpdateFinding();
  const assessments = useAssessmentOptions();
  const errors = fieldErrorsOf(update.error);
  const [folderId, setFolderId] = useState<string | null>(finding.folderId);
  const [severity, setSeverity] = useState<string>(finding.severity);
  const [status, setStatus] = useState<string>(finding.status);
  const [assessmentId, setAssessmentId] = useState<string | null>(finding.findingsAssessment?.id ?? null);
  const editable = finding.abilities.update;
  const identifiedOn = String(finding.identifiedAt).slice(0, 10);
  const assessmentOptions = [...(assessments.data ?? [])];
  if (finding.findingsAssessment && !assessmentOptions.some((o) => o.value === finding.findingsAssessment?.id)) {
    assessmentOptions.push({ value: finding.findingsAssessment.id, label: finding.findingsAssessment.name });
  }

  const submit = async (data: FormData) => {
    const dueDate = text(data, 'dueDate');
    const identified = text(data, 'identifiedAt');
    const body: UpdateFindingBody & { id: string } = {
      id: finding.id,
      version: finding.version,
      title: String(data.get('title') ?? ''),
      refId: text(data, 'refId'),
      description: text(data, 'description'),
      externalRef: text(data, 'externalRef'),
      severity: severity as Finding['severity'],
      status: status as Finding['status'],
      findingsAssessmentId: assessmentId,
      ...(folderId && folderId !== finding.folderId ? { folderId } : {}),
      ...(dueDate !== finding.dueDate ? { dueDate } : {}),
      ...(identified && identified !== identifiedOn ? { identifiedAt: `${identified}T00:00:00Z` } : {}),
    };
    await update.mutateAsync(body);
    notifySuccess(t('common:states.saved'));
  };

  const fields = ['title', 'refId', 'description', 'externalRef', 'severity', 'status', 'folderId'];
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
            fields={[...fields, 'dueDate', 'identifiedAt', 'findingsAssessmentId']}
            onReload={onReload}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              name="title"
              label={t('fields.title')}
              required
              maxLength={300}
              defaultValue={finding.title}
              error={errors.title}
            />
            <TextInput
              name="refId"
              label={t('fields.refId')}
              maxLength={100}
              defaultValue={finding.refId ?? ''}
              error={errors.refId}
            />
          </SimpleGrid>
          <Textarea
            name="description"
            label={t('fields.description')}
            autosize
            minRows={3}
            maxLength={20000}
            defaultValue={finding.description ?? ''}
            error={errors.description}
          />
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
            <Select
              label={t('fields.severity')}
              data={severities.map((s) => ({ value: s, label: t(`severity.${s}`) }))}
              value={severity}
              onChange={(value) => setSeverity(value ?? finding.severity)}
              allowDeselect={false}
              error={errors.severity}
            />
            <Select
              label={t('fields.status')}
              data={findingStatuses.map((s) => ({ value: s, label: t(`status.${s}`) }))}
              value={status}
              onChange={(value) => setStatus(value ?? finding.status)}
              allowDeselect={false}
              error={errors.status}
            />
            <FolderSelect
              label={t('fields.folder')}
              value={folderId}
              onChange={setFolderId}
              required
              error={errors.folderId}
            />
            <TextInput
              name="identifiedAt"
              type="date"
              label={t('fields.identifiedAt')}
              defaultValue={identifiedOn}
              error={errors.identifiedAt}
            />
            <TextInput
              name="dueDate"
              type="date"
              label={t('fields.dueDate')}
              description={t('dueDateHint')}
              defaultValue={finding.dueDate ?? ''}
              error={errors.dueDate}
              rightSectionWidth={110}
            />
            <Select
              label={t('fields.assessment')}
              data={assessmentOptions}
              value={assessmentId}
              onChange={setAssessmentId}
              clearable
              searchable
              placeholder={t('none')}
              error={errors.findingsAssessmentId}
            />
            <TextInput
              name="externalRef"
              label={t('fields.externalRef')}
              maxLength={300}
              defaultValue={finding.externalRef ?? ''}
              error={errors.externalRef}
            />
          </SimpleGrid>
          <Group gap="lg">
            <OverdueBadge overdue={finding.overdue} />
            <Text size="sm">
              {t('fields.closedAt')}: {finding.closedAt ? String(finding.closedAt).slice(0, 10) : '—'}
            </Text>
            <Text size="sm">
              {t('fields.source')}: {finding.source === 'manual' ? t('sourceValue.manual') : finding.source}
            </Text>
          </Group>
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
