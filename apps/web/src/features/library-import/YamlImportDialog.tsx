import { Alert, Button, FileInput, Group, Modal, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconUpload } from '@tabler/icons-react';
import type { UseMutationResult } from '@tanstack/react-query';
import { type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FolderSelect } from '../folders/FolderSelect';
import { ImportFailure, readableAlertTitle } from './ImportFailure';
import type { LibraryImportVariables } from './upload';

/** The words of one kind of import, in the reader's language (each feature owns its namespace). */
export interface YamlImportTexts {
  title: string;
  intro: string;
  file: string;
  /** Names the file input's clear button, which has only an icon. */
  clearFile: string;
  folder: string;
  submit: string;
  done: string;
  /** Heads the list of located problems when the server rejects the file. */
  problems: string;
}

interface YamlImportDialogProps<R> {
  opened: boolean;
  onClose: () => void;
  texts: YamlImportTexts;
  importer: UseMutationResult<R, Error, LibraryImportVariables>;
  /** What the import did, shown under the "done" title. */
  summary: (result: R) => ReactNode;
}

/**
 * Uploads a CISO Assistant library YAML into a chosen folder and says what happened: the shape every
 * `POST …/import?folderId=` route shares (threats, risk matrices), whatever objects of the file it reads.
 */
export function YamlImportDialog<R>({ opened, onClose, texts, importer, summary }: YamlImportDialogProps<R>) {
  const { t } = useTranslation('common');
  const [file, setFile] = useState<File | null>(null);
  const [folderId, setFolderId] = useState<string | null>(null);
  const [result, setResult] = useState<R | null>(null);
  // Closing starts a new session of the dialog: an upload still running from the previous one must not report
  // into it (its file is gone from the form).
  const session = useRef(0);
  const close = () => {
    session.current++;
    importer.reset();
    setResult(null);
    setFile(null);
    onClose();
  };

  return (
    <Modal opened={opened} onClose={close} title={texts.title}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!file || !folderId) return;
          // The previous outcome would read as this file's while it is being sent.
          setResult(null);
          const sentIn = session.current;
          importer
            .mutateAsync({ file, folderId })
            .then((outcome) => sentIn === session.current && setResult(outcome))
            .catch(() => {});
        }}
      >
        <Stack>
          <Text size="sm">{texts.intro}</Text>
          {importer.error && <ImportFailure error={importer.error} problemsTitle={texts.problems} />}
          {result !== null && (
            <Alert
              color="green"
              icon={<IconCircleCheck aria-hidden />}
              role="status"
              title={texts.done}
              styles={readableAlertTitle}
            >
              {summary(result)}
            </Alert>
          )}
          <FileInput
            label={texts.file}
            accept=".yaml,.yml,application/yaml,text/yaml"
            value={file}
            onChange={setFile}
            leftSection={<IconUpload size={16} aria-hidden />}
            required
            clearable
            clearButtonProps={{ 'aria-label': texts.clearFile }}
          />
          <FolderSelect label={texts.folder} value={folderId} onChange={setFolderId} required />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('actions.close')}
            </Button>
            <Button type="submit" loading={importer.isPending} disabled={!file || !folderId}>
              {texts.submit}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
