import { Badge, Button, Code, Switch, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatDate } from '../../app/format';
import { ConfirmDialog } from '../../app/layout/ConfirmDialog';
import { LoadMore } from '../../app/layout/LoadMore';
import { PageHeader } from '../../app/layout/PageHeader';
import { QueryState } from '../../app/layout/QueryState';
import { notifySuccess } from '../../app/ui/notify';
import { CreateTokenDialog } from './CreateTokenDialog';
import { type ApiToken, useRevokeToken, useTokens } from './use-tokens';

const statusColor = { active: 'green', expired: 'gray', revoked: 'red' } as const;

export function TokensPage() {
  const { t } = useTranslation(['tokens', 'common']);
  const formatDate = useFormatDate();
  const [all, setAll] = useState(false);
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const tokens = useTokens(all);
  const revoke = useRevokeToken();
  const closeRevoke = () => {
    revoke.reset();
    setRevoking(null);
  };

  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('intro')}
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
            {t('create')}
          </Button>
        }
      />
      <Switch label={t('showAll')} checked={all} onChange={(e) => setAll(e.currentTarget.checked)} mb="md" />
      <QueryState query={tokens}>
        {tokens.items.length === 0 ? (
          <Text c="dimmed">{t('empty')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('columns.name')}</Table.Th>
                  <Table.Th>{t('columns.prefix')}</Table.Th>
                  {all && <Table.Th>{t('columns.owner')}</Table.Th>}
                  <Table.Th>{t('columns.status')}</Table.Th>
                  <Table.Th>{t('columns.lastUsed')}</Table.Th>
                  <Table.Th>{t('columns.expires')}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t('common:actions.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {tokens.items.map((token) => (
                  <Table.Tr key={token.id}>
                    <Table.Td>{token.name}</Table.Td>
                    <Table.Td>
                      <Code>{token.prefix}…</Code>
                    </Table.Td>
                    {all && <Table.Td>{token.user.displayName}</Table.Td>}
                    <Table.Td>
                      <Badge color={statusColor[token.status]} variant="light">
                        {t(`status.${token.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{formatDate(token.lastUsedAt)}</Table.Td>
                    <Table.Td>{formatDate(token.expiresAt, false)}</Table.Td>
                    <Table.Td>
                      {token.abilities.revoke && token.status === 'active' && (
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          onClick={() => setRevoking(token)}
                          aria-label={`${t('common:actions.revoke')} ${token.name}`}
                        >
                          {t('common:actions.revoke')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <LoadMore query={tokens} />
      </QueryState>
      <CreateTokenDialog opened={creating} onClose={() => setCreating(false)} />
      <ConfirmDialog
        opened={revoking !== null}
        title={t('revokeTitle', { name: revoking?.name ?? '' })}
        body={t('revokeBody')}
        confirmLabel={t('common:actions.revoke')}
        danger
        pending={revoke.isPending}
        error={revoke.error}
        onClose={closeRevoke}
        onConfirm={() =>
          revoking &&
          revoke.mutate(revoking.id, {
            onSuccess: () => {
              notifySuccess(t('revoked'));
              closeRevoke();
            },
          })
        }
      />
    </>
  );
}
