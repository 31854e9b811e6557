import { Checkbox, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface PermissionMatrixProps {
  objectTypes: string[];
  actions: string[];
  value: Set<string>;
  onChange?: (next: Set<string>) => void;
}

/** Object types × actions; read-only when no onChange is given (built-in roles). */
export function PermissionMatrix({ objectTypes, actions, value, onChange }: PermissionMatrixProps) {
  const { t } = useTranslation('access');
  const all = value.has('*');
  const typeLabel = (type: string) => t(`objectTypes.${type}` as 'objectTypes.folder', { defaultValue: type });
  const actionLabel = (action: string) => t(`actions.${action}` as 'actions.read', { defaultValue: action });
  const toggle = (permissions: string[], on: boolean) => {
    if (!onChange) return;
    const next = new Set(value);
    for (const p of permissions) {
      if (on) next.add(p);
      else next.delete(p);
    }
    onChange(next);
  };

  return (
    <Table.ScrollContainer minWidth={640}>
      <Table withTableBorder withColumnBorders striped>
        <Table.Caption>{t('roles.matrixCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">
              <Text size="xs" c="dimmed">
                {t('roles.permissions')}
              </Text>
            </Table.Th>
            {actions.map((action) => (
              <Table.Th key={action} scope="col" ta="center">
                {actionLabel(action)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {objectTypes.map((type) => {
            const row = actions.map((a) => `${type}:${a}`);
            const rowAll = row.every((p) => all || value.has(p));
            return (
              <Table.Tr key={type}>
                <Table.Th scope="row">
                  <Checkbox
                    label={typeLabel(type)}
                    checked={rowAll}
                    indeterminate={!rowAll && row.some((p) => value.has(p))}
                    disabled={!onChange || all}
                    onChange={(e) => toggle(row, e.currentTarget.checked)}
                    size="xs"
                  />
                </Table.Th>
                {actions.map((action) => {
                  const permission = `${type}:${action}`;
                  return (
                    <Table.Td key={action} ta="center">
                      <Checkbox
                        aria-label={`${typeLabel(type)} — ${actionLabel(action)}`}
                        checked={all || value.has(permission)}
                        disabled={!onChange || all}
                        onChange={(e) => toggle([permission], e.currentTarget.checked)}
                        styles={{ body: { justifyContent: 'center' } }}
                      />
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
