import { Alert, Badge, Button, FileInput, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { IconFileUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api/errors';
import { FormAlert } from '../../app/forms/errors';
import { notifySuccess } from '../../app/ui/notify';
import { FolderSelect } from '../folders/FolderSelect';
import { type ImportResult, useAssetImport } from './use-assets';

const actionColor = { create: '#1f6b2f', update: '#1864ab', unchanged: '#495057' } as const;

/**
 * Import in two steps: the file is checked first (a dry run answers the rows it would create or update and every
 * problem with its row and column), and only a confirmation applies it, all rows at once.
 */
export function ImportAssetsDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation(['assets', 'common']);
  const check = useAssetImport();
  const apply = useAssetImport();
  const [file, setFile] = useState<File | null>(null);
  const [folderId, setFolderId] = useState<string | null>(null);
  const [missingFile, setMissingFile] = useState(false);
  const preview: ImportResult | undefined = check.data;
  const changes = preview ? preview.created + preview.updated : 0;
  // A real import refused after a clean preview (the data changed meanwhile) answers located problems too.
  const applyProblems =
    apply.error instanceof ApiError
      ? apply.error.fieldErrors.map((e) => ({ row: null, column: e.field, message: e.message }))
      : [];

  const reset = () => {
    check.reset();
    apply.reset();
  };
  const close = () => {
    reset();
    setFile(null);
    setFolderId(null);
    setMissingFile(false);
    onClose();
  };

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('transfer.importTitle')}
      size="xl"
      closeButtonProps={{ 'aria-label': t('common:actions.close') }}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!file) {
            setMissingFile(true);
            return;
          }
          if (!preview || preview.errors.length > 0) {
            check.mutate({ file, dryRun: true, folderId });
            return;
          }
          apply.mutate(
            { file, dryRun: false, folderId },
            {
              onSuccess: (result) => {
                notifySuccess(t('transfer.imported', { created: result.created, updated: result.updated }));
                close();
              },
            },
          );
        }}
      >
        <Stack>
          <Text size="sm">{t('transfer.importIntro')}</Text>
          <FileInput
            label={t('transfer.file')}
            description={t('transfer.fileHint')}
            placeholder={t('transfer.filePlaceholder')}
            leftSection={<IconFileUpload size={16} aria-hidden />}
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            value={file}
            onChange={(chosen) => {
              setFile(chosen);
              setMissingFile(false);
              reset();
            }}
            error={missingFile ? t('transfer.fileRequired') : undefined}
            clearable
            clearButtonProps={{ 'aria-label': t('transfer.clearFile') }}
            required
          />
          <FolderSelect
            label={t('transfer.defaultFolder')}
            value={folderId}
            onChange={(id) => {
              setFolderId(id);
              reset();
            }}
            clearable
          />
          <FormAlert error={check.error ?? (applyProblems.length > 0 ? null : apply.error)} />
          {preview && <ImportPreview result={preview} />}
          {applyProblems.length > 0 && <ProblemTable problems={applyProblems} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common:actions.cancel')}
            </Button>
            {preview && preview.errors.length === 0 ? (
              <Button type="submit" loading={apply.isPending} disabled={changes === 0}>
                {t('transfer.confirm', { count: changes })}
              </Button>
            ) : (
              <Button type="submit" loading={check.isPending}>
                {t('transfer.check')}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function ImportPreview({ result }: { result: ImportResult }) {
  const { t } = useTranslation('assets');
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {t('transfer.previewTitle')}
      </Title>
      <Text size="sm">
        {t('transfer.summary', { created: result.created, updated: result.updated, unchanged: result.unchanged })}
      </Text>
      {result.errors.length > 0 ? (
        <ProblemTable problems={result.errors} />
      ) : (
        <Text size="sm" c="dimmed">
          {t('transfer.noErrors')}
        </Text>
      )}
      {result.rows.length > 0 && (
        <Table.ScrollContainer minWidth={600} mah={320}>
          <Table striped aria-label={t('transfer.previewTitle')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('transfer.row')}</Table.Th>
                <Table.Th>{t('transfer.action')}</Table.Th>
                <Table.Th>{t('fields.refId')}</Table.Th>
                <Table.Th>{t('fields.name')}</Table.Th>
                <Table.Th>{t('transfer.changes')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.rows.map((row) => (
                <Table.Tr key={row.row}>
                  <Table.Td>{row.row}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={actionColor[row.action]}>
                      {t(`transfer.actions.${row.action}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{row.refId ?? '—'}</Table.Td>
                  <Table.Td>{row.name}</Table.Td>
                  <Table.Td>{row.changes.join(', ') || '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

function ProblemTable({ problems }: { problems: { row: number | null; column: string | null; message: string }[] }) {
  const { t } = useTranslation('assets');
  return (
    <Alert color="red" title={t('transfer.errorsTitle')} role="alert">
      <Table aria-label={t('transfer.errorsTitle')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('transfer.row')}</Table.Th>
            <Table.Th>{t('transfer.column')}</Table.Th>
            <Table.Th>{t('transfer.problem')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {problems.map((p) => (
            <Table.Tr key={`${p.row}-${p.column}-${p.message}`}>
              <Table.Td>{p.row ?? '—'}</Table.Td>
              <Table.Td>{p.column ?? '—'}</Table.Td>
              <Table.Td>{p.message}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Alert>
  );
}
