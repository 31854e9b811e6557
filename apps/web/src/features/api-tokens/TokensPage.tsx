import { Badge, Button, Code, VisuallyHidden } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatDate } from '../../app/format';
import { ConfirmDialog } from '../../app/layout/ConfirmDialog';
import { PageHeader } from '../../app/layout/PageHeader';
import { ListFilters, SwitchFilter } from '../../app/ui/list/ListFilters';
import { type Column, PagedTable } from '../../app/ui/list/PagedTable';
import { useListSearch } from '../../app/ui/list/use-list-search';
import { notifySuccess } from '../../app/ui/notify';
import { CreateTokenDialog } from './CreateTokenDialog';
import { validateTokensSearch } from './search';
import { type ApiToken, useRevokeToken, useTokens } from './use-tokens';

const statusColor = { active: 'green', expired: 'gray', revoked: 'red' } as const;

export function TokensPage() {
  const { t } = useTranslation(['tokens', 'common']);
  const formatDate = useFormatDate();
  const [search, setSearch] = useListSearch(validateTokensSearch);
  const all = search.all === true;
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const tokens = useTokens(all);
  const revoke = useRevokeToken();
  const closeRevoke = () => {
    revoke.reset();
    setRevoking(null);
  };

  const columns: Column<ApiToken>[] = [
    { id: 'name', header: t('columns.name'), cell: (token) => token.name },
    { id: 'prefix', header: t('columns.prefix'), cell: (token) => <Code>{token.prefix}…</Code> },
    // Whose token it is matters only once every member's tokens are listed.
    ...(all ? [{ id: 'owner', header: t('columns.owner'), cell: (token: ApiToken) => token.user.displayName }] : []),
    {
      id: 'status',
      header: t('columns.status'),
      cell: (token) => (
        <Badge color={statusColor[token.status]} variant="light">
          {t(`status.${token.status}`)}
        </Badge>
      ),
    },
    { id: 'lastUsed', header: t('columns.lastUsed'), cell: (token) => formatDate(token.lastUsedAt) },
    { id: 'expires', header: t('columns.expires'), cell: (token) => formatDate(token.expiresAt, false) },
    {
      id: 'actions',
      header: <VisuallyHidden>{t('common:actions.actions')}</VisuallyHidden>,
      cell: (token) =>
        token.abilities.revoke &&
        token.status === 'active' && (
          <Button
            size="xs"
            variant="subtle"
            color="red"
            onClick={() => setRevoking(token)}
            aria-label={`${t('common:actions.revoke')} ${token.name}`}
          >
            {t('common:actions.revoke')}
          </Button>
        ),
    },
  ];

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
      <ListFilters>
        <SwitchFilter label={t('showAll')} value={search.all} onChange={(value) => setSearch({ all: value })} />
      </ListFilters>
      <PagedTable query={tokens} columns={columns} rowKey={(token) => token.id} emptyText={t('empty')} />
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
