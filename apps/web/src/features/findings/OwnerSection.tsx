import { ActionIcon, Group, Stack, Text, Title } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../app/forms/errors';
import { MemberPicker } from '../../app/ui/MemberPicker';

/** One owner, saved as soon as it is picked or removed (with the object's version). */
export function OwnerSection({
  owner,
  editable,
  onSave,
  error,
  onReload,
}: {
  owner: { id: string; displayName: string } | null;
  editable: boolean;
  onSave: (ownerId: string | null) => void;
  error: unknown;
  onReload: () => void;
}) {
  const { t } = useTranslation('findings');
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t('fields.owner')}
      </Title>
      <FormAlert error={error} onReload={onReload} />
      <Group gap="xs">
        <Text size="sm">{owner?.displayName ?? '—'}</Text>
        {owner && editable && (
          <ActionIcon
            size="sm"
            variant="subtle"
            aria-label={t('removeOwner', { name: owner.displayName })}
            onClick={() => onSave(null)}
          >
            <IconX size={14} aria-hidden />
          </ActionIcon>
        )}
      </Group>
      {editable && (
        <MemberPicker
          label={t('changeOwner')}
          value={null}
          exclude={new Set(owner ? [owner.id] : [])}
          onChange={(userId) => {
            if (userId) onSave(userId);
          }}
        />
      )}
    </Stack>
  );
}
