import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { useCurrentOrganization } from '../session/me';

export const organizationKey = (id: string) => ['organization', id] as const;

/** The current organisation with the caller's abilities on it (rename it, require two-factor authentication). */
export function useOrganizationDetails() {
  const current = useCurrentOrganization();
  const id = current?.id ?? '';
  return useQuery({
    queryKey: organizationKey(id),
    queryFn: () => unwrap(api.GET('/api/v1/organizations/{id}', { params: { path: { id } } })),
    enabled: Boolean(current),
  });
}
