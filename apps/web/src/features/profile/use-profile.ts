import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../app/api/client';
import type { paths } from '../../app/api/schema';
import { meQuery } from '../../app/session/me';
import { profileKeys } from './keys';

export type Profile = paths['/api/v1/users/me']['get']['responses'][200]['content']['application/json'];
type ProfileChanges = NonNullable<paths['/api/v1/users/me']['patch']['requestBody']>['content']['application/json'];

export function useProfile() {
  return useQuery({ queryKey: profileKeys.mine, queryFn: () => unwrap(api.GET('/api/v1/users/me')) });
}

/** Profile writes also refresh /auth/me, which feeds the header (name) and the two-factor state. */
export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ProfileChanges & { version: number }) => unwrap(api.PATCH('/api/v1/users/me', { body })),
    onSuccess: (profile) => {
      queryClient.setQueryData(profileKeys.mine, profile);
      return queryClient.invalidateQueries(meQuery);
    },
  });
}

export function useRefreshAccount() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: profileKeys.mine }),
      queryClient.invalidateQueries(meQuery),
    ]);
}
