import { ActionIcon, Code, Text, VisuallyHidden } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatDate } from '../../app/format';
import { type Column, type PagedItems, PagedTable } from '../../app/ui/list/PagedTable';
import { ChangesDiff } from './ChangesDiff';
import type { AuditEvent } from './use-audit';

/** The audit events loaded so far; each row unfolds into its changes and request. */
export function AuditTable({ events }: { events: PagedItems<AuditEvent> }) {
  const { t } = useTranslation('audit');
  const formatDate = useFormatDate();
  const [open, setOpen] = useState<Set<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  const columns: Column<AuditEvent>[] = [
    {
      id: 'details',
      header: <VisuallyHidden>{t('columns.details')}</VisuallyHidden>,
      width: 40,
      cell: (event) => {
        const expanded = open.has(event.id);
        return (
          <ActionIcon
            variant="subtle"
            aria-expanded={expanded}
            aria-controls={`audit-${event.id}`}
            aria-label={`${expanded ? t('hideChanges') : t('showChanges')}: ${event.action} #${event.seq}`}
            onClick={() => toggle(event.id)}
          >
            {expanded ? <IconChevronDown size={16} aria-hidden /> : <IconChevronRight size={16} aria-hidden />}
          </ActionIcon>
        );
      },
    },
    { id: 'when', header: t('columns.when'), cell: (event) => <Text size="sm">{formatDate(event.occurredAt)}</Text> },
    {
      id: 'actor',
      header: t('columns.actor'),
      cell: (event) => (
        <Text size="sm">
          {event.actor?.displayName ?? event.actor?.email ?? t('system')}
          {event.actorTokenId && ` (${t('token')})`}
        </Text>
      ),
    },
    { id: 'action', header: t('columns.action'), cell: (event) => <Code>{event.action}</Code> },
    {
      id: 'object',
      header: t('columns.object'),
      cell: (event) => (
        <>
          <Text size="sm">{event.objectType}</Text>
          {event.objectId && (
            <Text size="xs" c="dimmed" ff="monospace">
              {event.objectId}
            </Text>
          )}
        </>
      ),
    },
  ];

  return (
    <PagedTable
      query={events}
      columns={columns}
      rowKey={(event) => event.id}
      emptyText={t('empty')}
      minWidth={760}
      highlightOnHover={false}
      rowDetails={(event) =>
        open.has(event.id)
          ? {
              id: `audit-${event.id}`,
              content: (
                <>
                  <ChangesDiff changes={event.changes as Record<string, unknown> | null} />
                  {event.requestId && (
                    <Text size="xs" c="dimmed" mt={4}>
                      {t('meta', { requestId: event.requestId, ip: event.ip ?? '—' })}
                    </Text>
                  )}
                </>
              ),
            }
          : null
      }
    />
  );
}
