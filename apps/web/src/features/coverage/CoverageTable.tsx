import { Anchor, Group, Stack, Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { StatusLabel } from '../dashboard/StatusLabel';
import { type CoverageRow, controlStatusColor } from '../dashboard/use-dashboard';

export type CoverageFilter = 'all' | 'gap' | 'partial' | 'covered';

export const coverageColor = { covered: 'green', partial: 'yellow', gap: 'red' } as const;
const validityColor = { valid: 'green', expiring: 'yellow', expired: 'red', not_approved: 'gray' } as const;

function Controls({ row }: { row: CoverageRow }) {
  const { t } = useTranslation('dashboard');
  if (row.controls.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('coverage.noControl')}
      </Text>
    );
  return (
    <Stack gap={6}>
      {row.controls.map((control) => (
        <div key={control.id}>
          <Group gap={6} wrap="nowrap">
            <Anchor
              size="sm"
              renderRoot={(props) => <Link {...props} to="/controls/$controlId" params={{ controlId: control.id }} />}
            >
              {control.refId ? `${control.refId} ` : ''}
              {control.name}
            </Anchor>
            <StatusLabel size="xs" color={controlStatusColor[control.status]}>
              {t(`controlStatus.${control.status}`)}
            </StatusLabel>
          </Group>
          <Group gap={4} ml="sm">
            {control.evidence.length === 0 ? (
              <Text size="xs" c="dimmed">
                {t('coverage.noEvidence')}
              </Text>
            ) : (
              control.evidence.map((e) => (
                <Group key={e.id} gap={4} wrap="nowrap">
                  <Anchor
                    size="xs"
                    renderRoot={(props) => <Link {...props} to="/evidence/$evidenceId" params={{ evidenceId: e.id }} />}
                  >
                    {e.name}
                  </Anchor>
                  <StatusLabel size="xs" color={validityColor[e.validity]}>
                    {t(`coverage.validity.${e.validity}`)}
                  </StatusLabel>
                </Group>
              ))
            )}
          </Group>
        </div>
      ))}
    </Stack>
  );
}

/** The tree in reading order (headings only when nothing is filtered), one row per requirement. */
export function CoverageTable({ rows, filter }: { rows: CoverageRow[]; filter: CoverageFilter }) {
  const { t } = useTranslation('dashboard');
  const visible = filter === 'all' ? rows : rows.filter((r) => r.coverage === filter);
  if (visible.length === 0) return <Text c="dimmed">{t('coverage.noMatch')}</Text>;
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('coverage.requirement')}</Table.Th>
            <Table.Th>{t('coverage.state')}</Table.Th>
            <Table.Th>{t('coverage.controls')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {visible.map((row) => (
            <Table.Tr key={row.id} data-testid={`coverage-row-${row.refId ?? row.id}`}>
              <Table.Td pl={filter === 'all' ? 8 + row.depth * 16 : 8}>
                <Text size="sm" fw={row.assessable ? 400 : 600}>
                  {row.refId && <strong>{row.refId} </strong>}
                  {row.name}
                </Text>
              </Table.Td>
              <Table.Td>
                {row.coverage && (
                  <StatusLabel color={coverageColor[row.coverage]}>{t(`coverage.${row.coverage}`)}</StatusLabel>
                )}
              </Table.Td>
              <Table.Td>{row.assessable && <Controls row={row} />}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
