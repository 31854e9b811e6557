import { Badge, Button, Code, Modal, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api/client';
import { usePaged } from '../../app/api/use-paged';
import { useFormatDate } from '../../app/format';
import { LoadMore } from '../../app/layout/LoadMore';
import { PageHeader } from '../../app/layout/PageHeader';
import { QueryState } from '../../app/layout/QueryState';
import { outboxKeys } from './keys';

const color = { pending: 'blue', sent: 'green', failed: 'red', stored: 'gray' } as const;

export function OutboxPage() {
  const { t } = useTranslation('outbox');
  const formatDate = useFormatDate();
  const [openId, setOpenId] = useState<string | null>(null);
  const emails = usePaged(outboxKeys.all, (cursor) =>
    unwrap(api.GET('/api/v1/outbox-emails', { params: { query: cursor ? { cursor } : {} } })),
  );

  return (
    <>
      <PageHeader title={t('title')} description={t('intro')} />
      <QueryState query={emails}>
        {emails.items.length === 0 ? (
          <Text c="dimmed">{t('empty')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('columns.to')}</Table.Th>
                  <Table.Th>{t('columns.subject')}</Table.Th>
                  <Table.Th>{t('columns.status')}</Table.Th>
                  <Table.Th>{t('columns.created')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {emails.items.map((email) => (
                  <Table.Tr key={email.id}>
                    <Table.Td>{email.to}</Table.Td>
                    <Table.Td>
                      <Button variant="subtle" size="compact-sm" onClick={() => setOpenId(email.id)}>
                        {email.subject}
                      </Button>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={color[email.status]} variant="light">
                        {t(`status.${email.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{formatDate(email.createdAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <LoadMore query={emails} />
      </QueryState>
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
