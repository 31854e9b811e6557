import { ActionIcon, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../forms/errors';
import type { Column } from '../list/PagedTable';

interface LinkedTableProps<T> {
  title: string;
  /** Shown instead of the table while nothing is linked. */
  emptyText: string;
  items: readonly T[];
  columns: readonly Column<T>[];
  rowKey: (item: T) => string;
  /** Whether links may be added and removed (the record's `abilities.update`). */
  editable: boolean;
  /** The error of the last link or unlink. */
  error: unknown;
  removeLabel: (item: T) => string;
  onRemove: (item: T) => void;
  /** The pickers of what to link, before the add button. */
  pickers: ReactNode;
  add: { label: string; icon: ReactNode; picked: boolean; pending: boolean; onAdd: () => void };
}

/**
 * What a decision record covers (scenarios, requirement assessments, controls): a table of the links, each with
 * its remove button, and below it the pickers and the add button, while the record may be edited.
 */
export function LinkedTable<T>({
  title,
  emptyText,
  items,
  columns,
  rowKey,
  editable,
  error,
  removeLabel,
  onRemove,
  pickers,
  add,
}: LinkedTableProps<T>) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {title}
      </Title>
      <FormAlert error={error} />
      {items.length === 0 ? (
        <Text c="dimmed" size="sm">
          {emptyText}
        </Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              {columns.map((column) => (
                <Table.Th key={column.id}>{column.header}</Table.Th>
              ))}
              {editable && <Table.Th aria-label={t('actions.actions')} />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item, index) => (
              <Table.Tr key={rowKey(item)}>
                {columns.map((column) => (
                  <Table.Td key={column.id}>{column.cell(item, index)}</Table.Td>
                ))}
                {editable && (
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={removeLabel(item)}
                      onClick={() => onRemove(item)}
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
      {editable && (
        <Group align="flex-end" wrap="wrap" mt="xs">
          {pickers}
          <Button
            variant="light"
            leftSection={add.icon}
            disabled={!add.picked}
            loading={add.pending}
            onClick={add.onAdd}
          >
            {add.label}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
