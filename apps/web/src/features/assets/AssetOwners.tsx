import { ActionIcon, Group, Pill, Stack, Text, Title } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../app/forms/errors';
import { MemberPicker } from '../members/MemberPicker';
import { type Asset, useUpdateAsset } from './use-assets';

/** Owners are saved as soon as they are picked or removed (the whole set, with the asset's version). */
export function AssetOwners({ asset, onReload }: { asset: Asset; onReload: () => void }) {
  const { t } = useTranslation('assets');
  const update = useUpdateAsset();
  const ownerIds = asset.owners.map((o) => o.id);
  const save = (next: string[]) =>
    update.mutateAsync({ id: asset.id, version: asset.version, ownerIds: next }).catch(() => {});

  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t('fields.owners')}
      </Title>
      <FormAlert error={update.error} onReload={onReload} />
      {asset.owners.length === 0 ? (
        <Text c="dimmed" size="sm">
          —
        </Text>
      ) : (
        <Group gap="xs">
          {asset.owners.map((owner) => (
            <Pill key={owner.id} size="lg">
              <Group gap={4} wrap="nowrap">
                <span>{owner.displayName}</span>
                {asset.abilities.update && (
                  <ActionIcon
                    size="xs"
                    variant="subtle"
                    aria-label={t('removeOwner', { name: owner.displayName })}
                    onClick={() => save(ownerIds.filter((id) => id !== owner.id))}
                  >
                    <IconX size={12} aria-hidden />
                  </ActionIcon>
                )}
              </Group>
            </Pill>
          ))}
        </Group>
      )}
      {asset.abilities.update && (
        <MemberPicker
          label={t('fields.addOwner')}
          value={null}
          exclude={new Set(ownerIds)}
          onChange={(userId) => {
            if (userId) save([...ownerIds, userId]);
          }}
        />
      )}
    </Stack>
  );
}
