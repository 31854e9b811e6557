import { Badge, Button, Code, Modal, ScrollArea, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api/client';
import { usePaged } from '../../app/api/use-paged';
import { useFormatDate } from '../../app/format';
import { PageHeader } from '../../app/layout/PageHeader';
import { QueryState } from '../../app/layout/QueryState';
import { type Column, PagedTable } from '../../app/ui/list/PagedTable';
import { outboxKeys } from './keys';

const color = { pending: 'blue', sent: 'green', failed: 'red', stored: 'gray' } as const;

export function OutboxPage() {
  const { t } = useTranslation('outbox');
  const formatDate = useFormatDate();
  const [openId, setOpenId] = useState<string | null>(null);
  const emails = usePaged(outboxKeys.all, (cursor) =>
    unwrap(api.GET('/api/v1/outbox-emails', { params: { query: cursor ? { cursor } : {} } })),
  );
  type Email = (typeof emails.items)[number];

  const columns: Column<Email>[] = [
    { id: 'to', header: t('columns.to'), cell: (email) => email.to },
    {
      id: 'subject',
      header: t('columns.subject'),
      cell: (email) => (
        <Button variant="subtle" size="compact-sm" onClick={() => setOpenId(email.id)}>
          {email.subject}
        </Button>
      ),
    },
    {
      id: 'status',
      header: t('columns.status'),
      cell: (email) => (
        <Badge color={color[email.status]} variant="light">
          {t(`status.${email.status}`)}
        </Badge>
      ),
    },
    { id: 'created', header: t('columns.created'), cell: (email) => formatDate(email.createdAt) },
  ];

  return (
    <>
      <PageHeader title={t('title')} description={t('intro')} />
      <PagedTable query={emails} columns={columns} rowKey={(email) => email.id} emptyText={t('empty')} />
      <EmailDialog id={openId} onClose={() => setOpenId(null)} />
    </>
  );
}

/** The plain-text body: links stay visible and copyable, and no remote HTML is rendered in the app. */
function EmailDialog({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation('outbox');
  const formatDate = useFormatDate();
  const email = useQuery({
    queryKey: outboxKeys.detail(id),
    queryFn: () => unwrap(api.GET('/api/v1/outbox-emails/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: Boolean(id),
  });
  const data = email.data;
  return (
    <Modal opened={id !== null} onClose={onClose} title={data ? t('messageTitle', { to: data.to }) : ''} size="xl">
      <QueryState query={email}>
        {data && (
          <Stack>
            <Text fw={600}>{data.subject}</Text>
            {data.sentAt && (
              <Text size="xs" c="dimmed">
                {t('sentAt', { date: formatDate(data.sentAt) })}
              </Text>
            )}
            {data.error && (
              <Text size="xs" c="red">
                {t('error', { error: data.error })}
              </Text>
            )}
            <ScrollArea.Autosize mah="60vh">
              <Code block style={{ whiteSpace: 'pre-wrap' }} data-testid="email-text">
                {data.text}
              </Code>
            </ScrollArea.Autosize>
          </Stack>
        )}
      </QueryState>
    </Modal>
  );
}
