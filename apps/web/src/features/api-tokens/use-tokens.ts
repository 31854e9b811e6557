import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../app/api/client';
import type { paths } from '../../app/api/schema';
import { usePaged } from '../../app/api/use-paged';
import { tokenKeys } from './keys';

export type ApiToken =
  paths['/api/v1/api-tokens']['get']['responses'][200]['content']['application/json']['items'][number];

export function useTokens(all: boolean) {
  return usePaged(tokenKeys.list(all), (cursor) =>
    unwrap(
      api.GET('/api/v1/api-tokens', {
        params: { query: { all: all ? 'true' : 'false', ...(cursor ? { cursor } : {}) } },
      }),
    ),
  );
}

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; expiresAt?: string }) => unwrap(api.POST('/api/v1/api-tokens', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokenKeys.all }),
  });
}

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/api-tokens/{id}', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokenKeys.all }),
  });
}
