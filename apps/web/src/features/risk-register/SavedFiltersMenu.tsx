import { ActionIcon, Button, Group, Menu, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconBookmark, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert, fieldErrorsOf } from '../../app/forms/errors';
import { notifySuccess } from '../../app/ui/notify';
import { fromQueryString, type RegisterSearch, toQueryString } from './search';
import { useDeleteFilter, useSavedFilters, useSaveFilter } from './use-risk-register';

/** Save the register's current filters under a name, apply a saved one, or delete it (each person has their own). */
export function SavedFiltersMenu({
  search,
  onApply,
}: {
  search: RegisterSearch;
  onApply: (search: RegisterSearch) => void;
}) {
  const { t } = useTranslation('riskRegister');
  const saved = useSavedFilters();
  const save = useSaveFilter();
  const remove = useDeleteFilter();
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);

  const submit = () => {
    const trimmed = name.trim();
    if (trimmed.length < 1 || trimmed.length > 100) {
      setNameError(t('saved.nameRequired'));
      return;
    }
    save.mutate(
      { name: trimmed, query: toQueryString(search) },
      {
        onSuccess: () => {
          notifySuccess(t('saved.savedToast'));
          setNaming(false);
          setName('');
        },
      },
    );
  };

  return (
    <>
      <Menu position="bottom-end" closeOnItemClick={false} withinPortal>
        <Menu.Target>
          <Button variant="default" leftSection={<IconBookmark size={16} aria-hidden />}>
            {t('saved.menu')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown miw={260}>
          <Menu.Item
            onClick={() => {
              setNameError(null);
              save.reset();
              setNaming(true);
            }}
          >
            {t('saved.saveCurrent')}
          </Menu.Item>
          <Menu.Divider />
          {(saved.data?.items ?? []).length === 0 && (
            <Text size="sm" c="dimmed" px="sm" py={4}>
              {t('saved.none')}
            </Text>
          )}
          {(saved.data?.items ?? []).map((filter) => (
            <Group key={filter.id} gap={4} wrap="nowrap" pr={4}>
              <Menu.Item
                onClick={() => onApply(fromQueryString(filter.query))}
                aria-label={t('saved.apply', { name: filter.name })}
                style={{ flex: 1 }}
              >
                {filter.name}
              </Menu.Item>
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t('saved.delete', { name: filter.name })}
                loading={remove.isPending && remove.variables === filter.id}
                onClick={() => remove.mutate(filter.id, { onSuccess: () => notifySuccess(t('saved.deleted')) })}
              >
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Group>
          ))}
        </Menu.Dropdown>
      </Menu>
      <Modal opened={naming} onClose={() => setNaming(false)} title={t('saved.saveTitle')}>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <Stack>
            <TextInput
              label={t('saved.name')}
              value={name}
              onChange={(event) => {
                setName(event.currentTarget.value);
                setNameError(null);
              }}
              maxLength={100}
              required
              data-autofocus
              error={nameError ?? fieldErrorsOf(save.error).name}
            />
            <FormAlert error={save.error} fields={['name']} />
            <Group justify="flex-end">
              <Button type="submit" loading={save.isPending}>
                {t('saved.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
