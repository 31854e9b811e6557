import { Button, FileInput, Group, Modal, Stack, Text } from '@mantine/core';
import { IconFileUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../app/ui/notify';
import { ImportPreview, ImportRefusal } from './ImportPreview';
import { useRiskImport } from './use-risk-import';

const XLSX_TYPES = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Import in two steps: the workbook is checked first (a dry run answers the counts and every located problem),
 * and only "Import" writes it, all rows at once. Choosing another file starts over.
 */
export function ImportRegisterDialog({
  riskAssessmentId,
  opened,
  onClose,
}: {
  riskAssessmentId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('riskExports');
  const { t: common } = useTranslation('common');
  const check = useRiskImport(riskAssessmentId);
  const apply = useRiskImport(riskAssessmentId);
  const [file, setFile] = useState<File | null>(null);
  const [missingFile, setMissingFile] = useState(false);
  const preview = check.data;
  const canApply = preview !== undefined && preview.errors.length === 0 && preview.create + preview.update > 0;

  const close = () => {
    check.reset();
    apply.reset();
    setFile(null);
    setMissingFile(false);
    onClose();
  };

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('importTitle')}
      size="xl"
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
            check.mutate({ file, dryRun: true });
            return;
          }
          if (!canApply) return;
          apply.mutate(
            { file, dryRun: false },
            {
              onSuccess: (result) => {
                notifySuccess(t('imported', { create: result.create, update: result.update }));
                close();
              },
            },
          );
        }}
      >
        <Stack>
          <Text size="sm">{t('importIntro')}</Text>
          <FileInput
            label={t('file')}
            description={t('fileHint')}
            placeholder={t('filePlaceholder')}
            leftSection={<IconFileUpload size={16} aria-hidden />}
            accept={XLSX_TYPES}
            value={file}
            onChange={(chosen) => {
              setFile(chosen);
              setMissingFile(false);
              check.reset();
              apply.reset();
            }}
            error={missingFile ? t('fileRequired') : undefined}
            clearable
            clearButtonProps={{ 'aria-label': t('clearFile') }}
            required
          />
          {(check.error || apply.error) && <ImportRefusal error={check.error ?? apply.error} />}
          {preview && <ImportPreview result={preview} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {common('actions.cancel')}
            </Button>
            {preview ? (
              <Button type="submit" loading={apply.isPending} disabled={!canApply}>
                {t('confirm')}
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
