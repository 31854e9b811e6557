import { Button, FileInput, Group, Modal, Select, Stack } from '@mantine/core';
import { IconFileUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert, fieldErrorsOf } from '../../app/forms/errors';
import { LibraryTemplateLink } from '../assessment-exports/LibraryTemplateLink';
import { ImportProgress } from './ImportProgress';
import { type ImportFormat, importFormats, useFrameworks, useImportLibrary } from './use-library';

/**
 * Upload a library file, then follow its import job in the same dialog. The server answers 202 at once; the
 * parse and write run in the background, and a bad file comes back as located issues on the job.
 */
export function ImportDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation(['library', 'common']);
  const upload = useImportLibrary();
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<ImportFormat>('auto');
  const [frameworkId, setFrameworkId] = useState<string | null>(null);
  const [missingFile, setMissingFile] = useState(false);
  const errors = fieldErrorsOf(upload.error);
  const jobId = upload.data?.jobId ?? null;

  const reset = () => {
    upload.reset();
    setFile(null);
    setFormat('auto');
    setFrameworkId(null);
    setMissingFile(false);
  };
  const close = () => {
    reset();
    onClose();
  };

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('import.title')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common:actions.close') }}
    >
      {jobId && file ? (
        <Stack>
          <ImportProgress jobId={jobId} fileName={file.name} />
          <Group justify="flex-end">
            <Button variant="default" onClick={reset}>
              {t('import.another')}
            </Button>
            <Button onClick={close}>{t('common:actions.close')}</Button>
          </Group>
        </Stack>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (!file) {
              setMissingFile(true);
              return;
            }
            upload.mutate({ file, format, frameworkId });
          }}
        >
          <Stack>
            <FormAlert error={upload.error} fields={['file', 'format', 'frameworkId']} />
            <FileInput
              label={t('import.file')}
              description={t('import.fileHint')}
              placeholder={t('import.filePlaceholder')}
              // Mantine draws this placeholder as text in light grey (3:1); the app's dimmed grey passes AA.
              styles={{ placeholder: { color: 'var(--mantine-color-dimmed)' } }}
              leftSection={<IconFileUpload size={16} aria-hidden />}
              accept=".json,.yaml,.yml,.xlsx,application/json,application/yaml,text/yaml,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              value={file}
              onChange={(chosen) => {
                setFile(chosen);
                setMissingFile(false);
              }}
              clearable
              required
              error={errors.file ?? (missingFile ? t('import.fileRequired') : undefined)}
            />
            <LibraryTemplateLink withHint />
            <Select
              label={t('import.format')}
              data={importFormats.map((value) => ({ value, label: t(`format.${value}`) }))}
              value={format}
              onChange={(value) => setFormat((value as ImportFormat | null) ?? 'auto')}
              allowDeselect={false}
              error={errors.format}
            />
            {(format === 'oscal_profile' || format === 'auto') && (
              <ProfileTargetSelect value={frameworkId} onChange={setFrameworkId} error={errors.frameworkId} />
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common:actions.cancel')}
              </Button>
              <Button type="submit" loading={upload.isPending}>
                {t('import.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

/** The catalogs a profile may be applied to: the organisation's own OSCAL catalogs. */
function ProfileTargetSelect(props: { value: string | null; onChange: (id: string | null) => void; error?: string }) {
  const { t } = useTranslation('library');
  const frameworks = useFrameworks('');
  const catalogs = frameworks.items.filter((f) => f.abilities.applyProfile);
  if (catalogs.length === 0) return null;
  return (
    <Select
      label={t('import.target')}
      description={t('import.targetHint')}
      data={catalogs.map((f) => ({ value: f.id, label: `${f.name} (${f.frameworkVersion})` }))}
      value={props.value}
      onChange={props.onChange}
      clearable
      error={props.error}
    />
  );
}
