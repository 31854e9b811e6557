import { Button, Checkbox, FileInput, Group, Modal, Stack, Text } from '@mantine/core';
import { IconFileUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../app/ui/notify';
import { ImportChanges, ImportProblems, isImportConflict } from './ImportSummary';
import { type ImportResult, useAssessmentImport } from './use-assessment-import';
import { useExportsT } from './use-exports-t';

/**
 * Import in two steps: the file is checked first (a dry run answers what would change, or every problem with
 * its cell), and only a confirmation applies it, all rows at once. Rows changed in Rampart after the export are
 * refused unless the person chooses to overwrite them; the choice is offered once the check has found them.
 */
export function ImportAssessmentDialog({
  assessmentId,
  frameworkUrn,
  opened,
  onClose,
}: {
  assessmentId: string;
  frameworkUrn: string;
  opened: boolean;
  onClose: () => void;
}) {
  const t = useExportsT();
  const { t: common } = useTranslation('common');
  const check = useAssessmentImport(assessmentId);
  const apply = useAssessmentImport(assessmentId);
  const [file, setFile] = useState<File | null>(null);
  const [missingFile, setMissingFile] = useState(false);
  const [overwrite, setOverwrite] = useState(false);
  const conflicted = isImportConflict(check.error) || isImportConflict(apply.error);
  const preview: ImportResult | undefined = check.data;

  const close = () => {
    check.reset();
    apply.reset();
    setFile(null);
    setMissingFile(false);
    setOverwrite(false);
    onClose();
  };

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('importTitle')}
      size="lg"
      closeButtonProps={{ 'aria-label': common('actions.close') }}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!file) {
            setMissingFile(true);
            return;
          }
          if (!preview) {
            check.mutate({ file, dryRun: true, overwrite });
            return;
          }
          apply.mutate(
            { file, dryRun: false, overwrite },
            {
              onSuccess: (result) => {
                notifySuccess(t('imported', { count: result.changed }));
                close();
              },
            },
          );
        }}
      >
        <Stack>
          <Text size="sm">{t('importIntro')}</Text>
          <Text size="xs" c="dimmed">
            {frameworkUrn}
          </Text>
          <FileInput
            label={t('file')}
            description={t('fileHint')}
            placeholder={t('filePlaceholder')}
            styles={{ placeholder: { color: 'var(--mantine-color-dimmed)' } }}
            leftSection={<IconFileUpload size={16} aria-hidden />}
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            value={file}
            onChange={(chosen) => {
              setFile(chosen);
              setMissingFile(false);
              setOverwrite(false);
              check.reset();
              apply.reset();
            }}
            error={missingFile ? t('fileRequired') : undefined}
            clearable
            clearButtonProps={{ 'aria-label': t('clearFile') }}
            required
          />
          {(check.error || apply.error) && <ImportProblems error={check.error ?? apply.error} />}
          {(conflicted || overwrite) && (
            <Checkbox
              label={t('overwrite')}
              description={t('overwriteHint')}
              checked={overwrite}
              onChange={(event) => {
                setOverwrite(event.currentTarget.checked);
                // The preview was made under the other choice: check again before applying.
                check.reset();
                apply.reset();
              }}
            />
          )}
          {preview && <ImportChanges result={preview} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {common('actions.cancel')}
            </Button>
            {preview ? (
              <Button type="submit" loading={apply.isPending} disabled={preview.changed === 0}>
                {t('confirm', { count: preview.changed })}
              </Button>
            ) : (
              <Button type="submit" loading={check.isPending}>
                {t('check')}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
