import { ActionIcon, Code, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatDate } from '../../app/format';
import { ChangesDiff } from './ChangesDiff';
import type { AuditEvent } from './use-audit';

export function AuditTable({ events }: { events: AuditEvent[] }) {
  const { t } = useTranslation('audit');
  const formatDate = useFormatDate();
  const [open, setOpen] = useState<Set<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>
              <VisuallyHidden>{t('columns.details')}</VisuallyHidden>
            </Table.Th>
            <Table.Th>{t('columns.when')}</Table.Th>
            <Table.Th>{t('columns.actor')}</Table.Th>
            <Table.Th>{t('columns.action')}</Table.Th>
            <Table.Th>{t('columns.object')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((event) => {
            const expanded = open.has(event.id);
            return (
              <Fragment key={event.id}>
                <Table.Tr>
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      aria-expanded={expanded}
                      aria-controls={`audit-${event.id}`}
                      aria-label={`${expanded ? t('hideChanges') : t('showChanges')}: ${event.action} #${event.seq}`}
                      onClick={() => toggle(event.id)}
                    >
                      {expanded ? (
                        <IconChevronDown size={16} aria-hidden />
                      ) : (
                        <IconChevronRight size={16} aria-hidden />
                      )}
                    </ActionIcon>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatDate(event.occurredAt)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {event.actor?.displayName ?? event.actor?.email ?? t('system')}
                      {event.actorTokenId && ` (${t('token')})`}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Code>{event.action}</Code>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{event.objectType}</Text>
                    {event.objectId && (
                      <Text size="xs" c="dimmed" ff="monospace">
                        {event.objectId}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
                {expanded && (
                  <Table.Tr id={`audit-${event.id}`}>
                    <Table.Td />
                    <Table.Td colSpan={4}>
                      <ChangesDiff changes={event.changes as Record<string, unknown> | null} />
                      {event.requestId && (
                        <Text size="xs" c="dimmed" mt={4}>
                          {t('meta', { requestId: event.requestId, ip: event.ip ?? '—' })}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
