import { ActionIcon, Anchor, Badge, Button, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPaperclip, IconPlus, IconTrash } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../app/forms/errors';
import { useCan } from '../../app/session/can';
import {
  type EvidenceStatus,
  evidenceStatusColor,
  useCreateEvidence,
  useEvidenceSearch,
} from '../evidence/use-evidence';
import { type AppliedControl, useLinkEvidence, useUnlinkEvidence } from './use-controls';

/** Evidence attached to the control: pick existing evidence, or create one in the control's folder and attach it. */
export function LinkedEvidence({ control }: { control: AppliedControl }) {
  const { t } = useTranslation(['controls', 'evidence', 'common']);
  const can = useCan();
  const link = useLinkEvidence();
  const unlink = useUnlinkEvidence();
  const create = useCreateEvidence();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const found = useEvidenceSearch(q);
  const [picked, setPicked] = useState<string | null>(null);
  const [newName, setNewName] = useState('');
  const linked = new Set(control.evidence.map((e) => e.id));
  const options = (found.data ?? []).filter((e) => !linked.has(e.id)).map((e) => ({ value: e.id, label: e.name }));

  const createAndAttach = async () => {
    const evidence = await create.mutateAsync({ folderId: control.folderId, name: newName.trim() });
    await link.mutateAsync({ id: control.id, evidenceId: evidence.id });
    setNewName('');
  };

  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t('evidence.title')}
      </Title>
      <FormAlert error={link.error ?? unlink.error ?? create.error} />
      {control.evidence.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('evidence.empty')}
        </Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('fields.name')}</Table.Th>
              <Table.Th>{t('fields.status')}</Table.Th>
              <Table.Th>{t('evidence:fields.validUntil')}</Table.Th>
              {control.abilities.update && <Table.Th aria-label={t('common:actions.actions')} />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {control.evidence.map((evidence) => (
              <Table.Tr key={evidence.id}>
                <Table.Td>
                  <Anchor
                    renderRoot={(props) => (
                      <Link {...props} to="/evidence/$evidenceId" params={{ evidenceId: evidence.id }} />
                    )}
                  >
                    {evidence.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={evidenceStatusColor[evidence.status as EvidenceStatus] ?? 'gray'}>
                    {t(`evidence:status.${evidence.status as EvidenceStatus}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>{evidence.validUntil ?? '—'}</Table.Td>
                {control.abilities.update && (
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('evidence.remove', { name: evidence.name })}
                      onClick={() => unlink.mutate({ id: control.id, targetId: evidence.id })}
                    >
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {control.abilities.update && (
        <Group align="flex-end" wrap="wrap" mt="xs">
          <Select
            label={t('evidence.pick')}
            placeholder={t('evidence.pickHint')}
            data={options}
            value={picked}
            onChange={setPicked}
            searchable
            searchValue={search}
            onSearchChange={setSearch}
            filter={({ options: all }) => all}
            w={320}
            comboboxProps={{ withinPortal: true }}
          />
          <Button
            variant="light"
            leftSection={<IconPaperclip size={16} aria-hidden />}
            disabled={!picked}
            loading={link.isPending}
            onClick={() => {
              if (!picked) return;
              link.mutate({ id: control.id, evidenceId: picked }, { onSuccess: () => setPicked(null) });
            }}
          >
            {t('evidence.attach')}
          </Button>
        </Group>
      )}
      {control.abilities.update && can.somewhere('evidence:create') && (
        <Group align="flex-end" wrap="wrap">
          <TextInput
            label={t('evidence.createName')}
            value={newName}
            onChange={(event) => setNewName(event.currentTarget.value)}
            maxLength={300}
            w={320}
          />
          <Button
            variant="default"
            leftSection={<IconPlus size={16} aria-hidden />}
            disabled={newName.trim() === ''}
            loading={create.isPending}
            onClick={() => createAndAttach().catch(() => {})}
          >
            {t('evidence.create')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
