import { Button, Group, Modal, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert, fieldErrorsOf } from '../../app/forms/errors';
import { notifySuccess } from '../../app/ui/notify';
import { PeopleField, type Person } from '../../app/ui/PeopleField';
import { FolderSelect } from '../folders/FolderSelect';
import { type RiskAssessment, useUpdateAssessment } from './use-risk-assessments';

/**
 * The assessment's own fields, authors and reviewers, saved together with the version it was opened on (a change
 * by someone else meanwhile ends in a version conflict, not an overwrite). The matrix is not here: moving to
 * another matrix re-rates every scenario, which is the re-rating dialog's job.
 */
export function EditAssessmentDialog({
  assessment,
  opened,
  onClose,
  onReload,
}: {
  assessment: RiskAssessment;
  opened: boolean;
  onClose: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation(['riskAssessments', 'riskAssessmentEdit', 'common']);
  const update = useUpdateAssessment();
  const [folderId, setFolderId] = useState<string | null>(assessment.folderId);
  const [tolerance, setTolerance] = useState<string | null>(
    assessment.riskToleranceLevel === null ? null : String(assessment.riskToleranceLevel),
  );
  const [authors, setAuthors] = useState<Person[]>(assessment.authors);
  const [reviewers, setReviewers] = useState<Person[]>(assessment.reviewers);
  const [nameError, setNameError] = useState<string | undefined>();
  const server = fieldErrorsOf(update.error);
  const errors: Record<string, string | undefined> = { ...server, name: nameError ?? server.name };
  const close = () => {
    update.reset();
    onClose();
  };

  const submit = async (data: FormData) => {
    const text = (name: string) => {
      const value = String(data.get(name) ?? '').trim();
      return value === '' ? null : value;
    };
    const name = text('name');
    if (!name) {
      setNameError(t('riskAssessments:validation.nameRequired'));
      return;
    }
    setNameError(undefined);
    await update.mutateAsync({
      id: assessment.id,
      version: assessment.version,
      name,
      refId: text('refId'),
      description: text('description'),
      assessmentVersion: text('assessmentVersion'),
      dueDate: text('dueDate'),
      riskToleranceLevel: tolerance === null ? null : Number(tolerance),
      authorIds: authors.map((p) => p.id),
      reviewerIds: reviewers.map((p) => p.id),
      ...(folderId && folderId !== assessment.folderId ? { folderId } : {}),
    });
    notifySuccess(t('riskAssessmentEdit:saved'));
    close();
  };

  return (
    <Modal opened={opened} onClose={close} title={t('riskAssessmentEdit:title')} size="lg">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit(new FormData(event.currentTarget)).catch(() => {});
        }}
      >
        <Stack>
          <FormAlert
            error={update.error}
            onReload={onReload}
            fields={['name', 'refId', 'description', 'assessmentVersion', 'dueDate', 'riskToleranceLevel', 'folderId']}
          />
          <TextInput
            name="name"
            label={t('fields.name')}
            defaultValue={assessment.name}
            required
            maxLength={300}
            error={errors.name}
            data-autofocus
          />
          <Group grow align="flex-start">
            <TextInput
              name="refId"
              label={t('fields.refId')}
              defaultValue={assessment.refId ?? ''}
              maxLength={100}
              error={errors.refId}
            />
            <TextInput
              name="assessmentVersion"
              label={t('fields.assessmentVersion')}
              defaultValue={assessment.assessmentVersion ?? ''}
              maxLength={50}
              error={errors.assessmentVersion}
            />
          </Group>
          <Textarea
            name="description"
            label={t('fields.description')}
            defaultValue={assessment.description ?? ''}
            autosize
            minRows={2}
            maxLength={20_000}
            error={errors.description}
          />
          <FolderSelect
            label={t('fields.folder')}
            value={folderId}
            onChange={setFolderId}
            required
            error={errors.folderId}
          />
          <Group grow align="flex-start">
            <Select
              label={t('fields.tolerance')}
              description={t('riskAssessmentEdit:toleranceHint')}
              placeholder={t('noTolerance')}
              data={assessment.riskMatrix.definition.risk.map((level, index) => ({
                value: String(index),
                label: level.name,
              }))}
              value={tolerance}
              onChange={setTolerance}
              clearable
              error={errors.riskToleranceLevel}
            />
            <TextInput
              name="dueDate"
              type="date"
              label={t('fields.dueDate')}
              defaultValue={assessment.dueDate ?? ''}
              error={errors.dueDate}
            />
          </Group>
          {(
            [
              [t('fields.authors'), authors, setAuthors],
              [t('fields.reviewers'), reviewers, setReviewers],
            ] as const
          ).map(([role, people, setPeople]) => (
            <PeopleField
              key={role}
              variant="field"
              label={role}
              people={people}
              onChange={setPeople}
              addLabel={t('riskAssessmentEdit:add', { role })}
              removeLabel={(person) => t('riskAssessmentEdit:remove', { name: person.displayName, role })}
              emptyText={t('riskAssessmentEdit:nobody')}
            />
          ))}
          {(errors.authorIds || errors.reviewerIds) && (
            <Text c="red" size="sm">
              {errors.authorIds ?? errors.reviewerIds}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending}>
              {t('common:actions.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
