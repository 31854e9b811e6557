import { ActionIcon, Button, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconLink, IconSearch, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../app/forms/errors';
import { FrameworkLink } from '../library/FrameworkLink';
import {
  type AppliedControl,
  useFrameworkOptions,
  useLinkRequirement,
  useRequirementSearch,
  useUnlinkRequirement,
} from './use-controls';

/** The requirements this control addresses, in any number of frameworks, and a picker to link more. */
export function LinkedRequirements({ control }: { control: AppliedControl }) {
  const { t } = useTranslation(['controls', 'common']);
  const link = useLinkRequirement();
  const unlink = useUnlinkRequirement();
  const linked = new Set(control.requirements.map((r) => r.id));
  const refOf = (r: { refId: string | null; name: string | null; urn: string }) => r.refId ?? r.name ?? r.urn;

  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t('requirements.title')}
      </Title>
      <FormAlert error={link.error ?? unlink.error} />
      {control.requirements.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('requirements.empty')}
        </Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('requirements.framework')}</Table.Th>
              <Table.Th>{t('fields.refId')}</Table.Th>
              <Table.Th>{t('fields.name')}</Table.Th>
              {control.abilities.update && <Table.Th aria-label={t('common:actions.actions')} />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {control.requirements.map((requirement) => (
              <Table.Tr key={requirement.id}>
                <Table.Td>
                  <FrameworkLink id={requirement.framework.id}>{requirement.framework.name}</FrameworkLink>
                </Table.Td>
                <Table.Td>{requirement.refId ?? '—'}</Table.Td>
                <Table.Td>{requirement.name ?? '—'}</Table.Td>
                {control.abilities.update && (
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('requirements.remove', { ref: refOf(requirement) })}
                      loading={unlink.isPending && unlink.variables?.targetId === requirement.id}
                      onClick={() => unlink.mutate({ id: control.id, targetId: requirement.id })}
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
        <RequirementPicker
          linked={linked}
          pending={link.isPending}
          onPick={(requirementNodeId) => link.mutate({ id: control.id, requirementNodeId })}
        />
      )}
    </Stack>
  );
}

function RequirementPicker(props: { linked: Set<string>; pending: boolean; onPick: (id: string) => void }) {
  const { t } = useTranslation('controls');
  const frameworks = useFrameworkOptions();
  const [frameworkId, setFrameworkId] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const found = useRequirementSearch(frameworkId, q);
  const candidates = (found.data ?? []).filter((r) => !props.linked.has(r.id));

  return (
    <Stack gap="xs" mt="xs">
      <Group align="flex-end" wrap="wrap">
        <Select
          label={t('requirements.framework')}
          data={(frameworks.data ?? []).map((f) => ({ value: f.id, label: `${f.name} (${f.frameworkVersion})` }))}
          value={frameworkId}
          onChange={setFrameworkId}
          searchable
          w={320}
          comboboxProps={{ withinPortal: true }}
        />
        <TextInput
          label={t('requirements.search')}
          placeholder={t('requirements.searchHint')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          disabled={!frameworkId}
          maxLength={200}
          type="search"
          w={260}
        />
      </Group>
      {frameworkId && found.data && candidates.length === 0 && (
        <Text c="dimmed" size="sm">
          {t('requirements.noneFound')}
        </Text>
      )}
      {frameworkId && candidates.length > 0 && (
        <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {candidates.slice(0, 15).map((requirement) => (
            <Group key={requirement.id} component="li" gap="xs" wrap="nowrap">
              <Button
                size="compact-xs"
                variant="default"
                leftSection={<IconLink size={12} aria-hidden />}
                aria-label={t('requirements.addLabel', {
                  ref: requirement.refId ?? requirement.name ?? requirement.urn,
                })}
                disabled={props.pending}
                onClick={() => props.onPick(requirement.id)}
              >
                {t('requirements.add')}
              </Button>
              <Text size="sm" fw={600}>
                {requirement.refId}
              </Text>
              <Text size="sm" lineClamp={1}>
                {requirement.name}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
