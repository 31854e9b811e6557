import { Anchor, Button, FileInput, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconDownload, IconLink, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorLines, FormAlert } from '../../app/forms/errors';
import { QueryState } from '../../app/layout/QueryState';
import { notifyFailure, notifySuccess } from '../../app/ui/notify';
import { downloadRevision, type Evidence, useAddRevision, useRevisions } from './use-evidence';

/** Revisions newest first; a file upload or a link adds one (revisions are never edited). */
export function RevisionsSection({ evidence }: { evidence: Evidence }) {
  const { t, i18n } = useTranslation(['evidence', 'common']);
  const revisions = useRevisions(evidence.id);
  const add = useAddRevision(evidence.id);
  const [file, setFile] = useState<File | null>(null);
  const [url, setUrl] = useState('');
  const [note, setNote] = useState('');
  const added = () => {
    notifySuccess(t('revisions.uploaded'));
    setFile(null);
    setUrl('');
    setNote('');
  };

  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t('revisions.title')}
      </Title>
      <QueryState query={revisions}>
        {(revisions.data ?? []).length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('revisions.empty')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('revisions.number')}</Table.Th>
                  <Table.Th>{t('revisions.content')}</Table.Th>
                  <Table.Th>{t('revisions.note')}</Table.Th>
                  <Table.Th>{t('revisions.addedBy')}</Table.Th>
                  <Table.Th>{t('revisions.date')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(revisions.data ?? []).map((revision) => (
                  <Table.Tr key={revision.id}>
                    <Table.Td>{revision.number}</Table.Td>
                    <Table.Td>
                      {revision.kind === 'file' ? (
                        <Group gap={6} wrap="nowrap">
                          <Button
                            size="compact-sm"
                            variant="subtle"
                            leftSection={<IconDownload size={14} aria-hidden />}
                            aria-label={t('revisions.download', { name: revision.fileName ?? '' })}
                            onClick={() =>
                              downloadRevision(evidence.id, revision).catch((error: unknown) =>
                                notifyFailure(<ErrorLines error={error} />),
                              )
                            }
                          >
                            {revision.fileName}
                          </Button>
                          <Text size="xs" c="dimmed">
                            {t('revisions.size', { size: Math.max(1, Math.round((revision.size ?? 0) / 1024)) })}
                          </Text>
                        </Group>
                      ) : (
                        <Anchor href={revision.url ?? undefined} target="_blank" rel="noopener noreferrer">
                          {revision.url}
                        </Anchor>
                      )}
                    </Table.Td>
                    <Table.Td>{revision.note ?? '—'}</Table.Td>
                    <Table.Td>{revision.createdBy?.displayName ?? '—'}</Table.Td>
                    <Table.Td>{new Date(revision.createdAt).toLocaleString(i18n.language)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryState>
      {evidence.abilities.addRevision && (
        <Stack gap="xs" mt="xs">
          <FormAlert error={add.error} />
          <TextInput
            label={t('revisions.note')}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            maxLength={2000}
            maw={480}
          />
          <Group align="flex-end" wrap="wrap">
            <FileInput label={t('revisions.file')} value={file} onChange={setFile} clearable w={320} />
            <Button
              leftSection={<IconUpload size={16} aria-hidden />}
              disabled={!file}
              loading={add.isPending && add.variables && 'file' in add.variables}
              onClick={() => file && add.mutate({ file, note }, { onSuccess: added })}
            >
              {t('revisions.upload')}
            </Button>
          </Group>
          <Group align="flex-end" wrap="wrap">
            <TextInput
              label={t('revisions.url')}
              type="url"
              value={url}
              onChange={(event) => setUrl(event.currentTarget.value)}
              maxLength={2000}
              w={320}
            />
            <Button
              variant="light"
              leftSection={<IconLink size={16} aria-hidden />}
              disabled={url.trim() === ''}
              loading={add.isPending && add.variables && 'url' in add.variables}
              onClick={() => add.mutate({ url: url.trim(), note }, { onSuccess: added })}
            >
              {t('revisions.addLink')}
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
