import { Select } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { credentials } from '../api/credentials';
import { meQuery, useCurrentOrganization, useMe } from '../session/me';

/** Switching organisation drops every cached answer: they all belong to the previous organisation. */
export function OrganizationSwitcher() {
  const { t } = useTranslation();
  const me = useMe();
  const current = useCurrentOrganization();
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  if (me.organizations.length === 0) return null;

  const switchTo = async (id: string | null) => {
    if (!id || id === current?.id) return;
    credentials.setOrganizationId(id);
    await api.PUT('/api/v1/auth/current-organization', { body: { organizationId: id } }).catch(() => {});
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
    await queryClient.invalidateQueries(meQuery);
    await navigate({ to: '/folders' });
  };

  return (
    <Select
      aria-label={t('header.organization')}
      data={me.organizations.map((o) => ({ value: o.id, label: o.name }))}
      value={current?.id ?? null}
      onChange={switchTo}
      allowDeselect={false}
      w={{ base: 150, sm: 240 }}
      size="sm"
      comboboxProps={{ withinPortal: true }}
    />
  );
}
