import { Alert, Button, FileInput, Group, Modal, Stack, Text } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../app/forms/errors';
import { FolderSelect } from '../folders/FolderSelect';
import { type ThreatImportResult, useImportThreats } from './use-threats';

/** Uploads a CISO Assistant library YAML; its `objects.threats` land in the chosen folder (idempotent by URN). */
export function ImportThreatsDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation(['threats', 'common']);
  const importer = useImportThreats();
  const [file, setFile] = useState<File | null>(null);
  const [folderId, setFolderId] = useState<string | null>(null);
  const [result, setResult] = useState<ThreatImportResult | null>(null);
  const close = () => {
    importer.reset();
    setResult(null);
    setFile(null);
    onClose();
  };

  return (
    <Modal opened={opened} onClose={close} title={t('import.title')}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!file || !folderId) return;
          importer
            .mutateAsync({ file, folderId })
            .then(setResult)
            .catch(() => {});
        }}
      >
        <Stack>
          <Text size="sm">{t('import.intro')}</Text>
          <FormAlert error={importer.error} />
          {result && (
            <Alert color="green" role="status" title={t('import.done')}>
              {t('import.summary', { created: result.created, updated: result.updated, unchanged: result.unchanged })}
            </Alert>
          )}
          <FileInput
            label={t('import.file')}
            accept=".yaml,.yml,application/yaml,text/yaml"
            value={file}
            onChange={setFile}
            leftSection={<IconUpload size={16} aria-hidden />}
            required
            clearable
          />
          <FolderSelect label={t('fields.folder')} value={folderId} onChange={setFolderId} required />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common:actions.close')}
            </Button>
            <Button type="submit" loading={importer.isPending} disabled={!file || !folderId}>
              {t('import.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
