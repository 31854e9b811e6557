import { Code, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

type Change = { before?: unknown; after?: unknown };

const isChange = (value: unknown): value is Change =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && ('before' in value || 'after' in value);

function show(value: unknown) {
  if (value === undefined)
    return (
      <Text c="dimmed" size="xs">
        —
      </Text>
    );
  return <Code fz="xs">{typeof value === 'string' ? value : JSON.stringify(value)}</Code>;
}

/** `{ field: { before, after } }` as a before → after table; other recorded values appear in the "after" column. */
export function ChangesDiff({ changes }: { changes: Record<string, unknown> | null }) {
  const { t } = useTranslation('audit');
  const entries = Object.entries(changes ?? {});
  if (entries.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('noChanges')}
      </Text>
    );
  return (
    <Table withTableBorder fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('field')}</Table.Th>
          <Table.Th>{t('before')}</Table.Th>
          <Table.Th>{t('after')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {entries.map(([field, value]) => (
          <Table.Tr key={field}>
            <Table.Td>
              <Code fz="xs">{field}</Code>
            </Table.Td>
            <Table.Td>{show(isChange(value) ? value.before : undefined)}</Table.Td>
            <Table.Td>{show(isChange(value) ? value.after : value)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
