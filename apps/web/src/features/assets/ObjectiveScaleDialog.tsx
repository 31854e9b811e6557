import { ActionIcon, Button, Checkbox, Group, Modal, NumberInput, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../app/forms/errors';
import { notifySuccess } from '../../app/ui/notify';
import { type AssetSettings, type ObjectiveKey, useUpdateAssetSettings } from './use-assets';

interface LevelRow {
  level: number | string;
  name: string;
  description: string;
}

/** The security-objective scale (2–10 levels) and the objectives in use; for those with asset:update everywhere. */
export function ObjectiveScaleDialog({
  settings,
  opened,
  onClose,
}: {
  settings: AssetSettings;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation(['assets', 'common']);
  const update = useUpdateAssetSettings();
  const initial = () =>
    settings.objectiveScale.map((l) => ({ level: l.level, name: l.name, description: l.description ?? '' }));
  const [levels, setLevels] = useState<LevelRow[]>(initial);
  const [enabled, setEnabled] = useState<ObjectiveKey[]>(settings.enabledObjectives);
  const [problem, setProblem] = useState<string | null>(null);
  const close = () => {
    update.reset();
    setLevels(initial());
    setEnabled(settings.enabledObjectives);
    setProblem(null);
    onClose();
  };
  const change = (index: number, patch: Partial<LevelRow>) =>
    setLevels((rows) => rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  const submit = () => {
    const numbers = levels.map((l) => Number(l.level));
    const names = levels.map((l) => l.name.trim().toLowerCase());
    if (levels.length < 2 || levels.length > 10) return setProblem(t('scale.tooFew'));
    if (
      numbers.some((n) => !Number.isInteger(n)) ||
      names.some((n) => n === '') ||
      new Set(numbers).size !== numbers.length ||
      new Set(names).size !== names.length
    ) {
      return setProblem(t('scale.duplicate'));
    }
    if (enabled.length === 0) return setProblem(t('scale.noneEnabled'));
    setProblem(null);
    update.mutate(
      {
        version: settings.version,
        objectiveScale: levels.map((l) => ({
          level: Number(l.level),
          name: l.name.trim(),
          description: l.description.trim() || null,
        })),
        enabledObjectives: enabled,
      },
      {
        onSuccess: () => {
          notifySuccess(t('scale.saved'));
          onClose();
        },
      },
    );
  };

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('scale.title')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common:actions.close') }}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack>
          <Text size="sm">{t('scale.intro')}</Text>
          <FormAlert error={update.error} />
          {problem && (
            <Text c="red" size="sm" role="alert">
              {problem}
            </Text>
          )}
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('scale.level')}</Table.Th>
                <Table.Th>{t('scale.name')}</Table.Th>
                <Table.Th>{t('scale.description')}</Table.Th>
                <Table.Th aria-label={t('common:actions.actions')} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {levels.map((row, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place; numbers may repeat while typing
                <Table.Tr key={index}>
                  <Table.Td w={90}>
                    <NumberInput
                      aria-label={`${t('scale.level')} ${index + 1}`}
                      value={row.level}
                      onChange={(value) => change(index, { level: value })}
                      min={0}
                      max={100}
                      allowDecimal={false}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={`${t('scale.name')} ${index + 1}`}
                      value={row.name}
                      onChange={(event) => change(index, { name: event.currentTarget.value })}
                      maxLength={100}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={`${t('scale.description')} ${index + 1}`}
                      value={row.description}
                      onChange={(event) => change(index, { description: event.currentTarget.value })}
                      maxLength={1000}
                    />
                  </Table.Td>
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('scale.removeLevel', { level: row.level })}
                      disabled={levels.length <= 2}
                      onClick={() => setLevels((rows) => rows.filter((_r, i) => i !== index))}
                    >
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group>
            <Button
              variant="default"
              leftSection={<IconPlus size={16} aria-hidden />}
              disabled={levels.length >= 10}
              onClick={() =>
                setLevels((rows) => [
                  ...rows,
                  { level: Math.max(-1, ...rows.map((r) => Number(r.level) || 0)) + 1, name: '', description: '' },
                ])
              }
            >
              {t('scale.addLevel')}
            </Button>
          </Group>
          <Checkbox.Group
            label={t('scale.enabled')}
            value={enabled}
            onChange={(value) => setEnabled(value as ObjectiveKey[])}
          >
            <Group mt="xs">
              {settings.allObjectives.map((o) => (
                <Checkbox key={o} value={o} label={t(`objective.${o}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending}>
              {t('common:actions.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
