import { ActionIcon, Anchor, Badge, Button, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../app/forms/errors';
import { type Asset, useAddSupport, useAssetSearch, useRemoveSupport } from './use-assets';

/**
 * One side of the asset's edges. "supports": the assets it serves (written from this asset, which needs
 * asset:update here). "supportedBy": the assets it relies on (written from each of them; the server checks the
 * caller may update that one).
 */
export function DependencyList({ asset, direction }: { asset: Asset; direction: 'supports' | 'supportedBy' }) {
  const { t } = useTranslation(['assets', 'common']);
  const add = useAddSupport();
  const remove = useRemoveSupport();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [picked, setPicked] = useState<string | null>(null);
  const supports = direction === 'supports';
  const linked = supports ? asset.supports : asset.supportedBy;
  // The supporting side must be a supporting asset: offer only what can hold the edge.
  const canAdd = asset.abilities.update && (supports ? asset.type === 'supporting' : true);
  const found = useAssetSearch(canAdd ? q : '');
  const taken = new Set([asset.id, ...linked.map((a) => a.id)]);
  const options = (found.data ?? [])
    .filter((a) => !taken.has(a.id) && (supports || a.type === 'supporting'))
    .map((a) => ({ value: a.id, label: a.refId ? `${a.refId} · ${a.name}` : a.name }));
  const edge = (otherId: string) =>
    supports ? { supportingId: asset.id, supportedId: otherId } : { supportingId: otherId, supportedId: asset.id };
  const title = supports ? t('dependencies.supportsTitle') : t('dependencies.supportedByTitle');

  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {title}
      </Title>
      <Text size="sm" c="dimmed">
        {supports ? t('dependencies.supportsIntro') : t('dependencies.supportedByIntro')}
      </Text>
      <FormAlert error={add.error ?? remove.error} />
      {linked.length === 0 ? (
        <Text size="sm" c="dimmed">
          {supports && asset.type === 'primary'
            ? t('dependencies.primaryNote')
            : supports
              ? t('dependencies.supportsEmpty')
              : t('dependencies.supportedByEmpty')}
        </Text>
      ) : (
        <Table aria-label={title}>
          <Table.Tbody>
            {linked.map((other) => (
              <Table.Tr key={other.id}>
                <Table.Td>
                  <Anchor
                    renderRoot={(props) => <Link {...props} to="/assets/$assetId" params={{ assetId: other.id }} />}
                  >
                    {other.refId ? `${other.refId} · ${other.name}` : other.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={other.type === 'primary' ? '#5f3dc4' : '#1864ab'}>
                    {t(`type.${other.type}`)}
                  </Badge>
                </Table.Td>
                {asset.abilities.update && (
                  <Table.Td w={40}>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={
                        supports
                          ? t('dependencies.removeSupported', { name: other.name })
                          : t('dependencies.removeSupporting', { name: other.name })
                      }
                      loading={remove.isPending && remove.variables?.supportingId === edge(other.id).supportingId}
                      onClick={() => remove.mutate(edge(other.id))}
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
      {canAdd && (
        <Group align="flex-end" wrap="nowrap">
          <Select
            label={supports ? t('dependencies.pickSupported') : t('dependencies.pickSupporting')}
            placeholder={t('dependencies.pickHint')}
            data={options}
            value={picked}
            onChange={setPicked}
            searchable
            searchValue={search}
            onSearchChange={setSearch}
            filter={({ options: all }) => all}
            clearable
            flex={1}
            comboboxProps={{ withinPortal: true }}
          />
          <Button
            leftSection={<IconPlus size={16} aria-hidden />}
            disabled={!picked}
            loading={add.isPending}
            onClick={() => {
              if (!picked) return;
              add.mutate(edge(picked), {
                onSuccess: () => {
                  setPicked(null);
                  setSearch('');
                },
              });
            }}
          >
            {t('dependencies.add')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
