import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../app/api/client';
import type { paths } from '../../app/api/schema';
import { usePaged } from '../../app/api/use-paged';

export type Member = paths['/api/v1/members']['get']['responses'][200]['content']['application/json']['items'][number];
export type Invitation =
  paths['/api/v1/invitations']['get']['responses'][200]['content']['application/json']['items'][number];

export function useMembers(q: string) {
  return usePaged(['members', { q }], (cursor) =>
    unwrap(api.GET('/api/v1/members', { params: { query: { ...(q ? { q } : {}), ...(cursor ? { cursor } : {}) } } })),
  );
}

export function useInvitations() {
  return usePaged(['invitations'], (cursor) =>
    unwrap(api.GET('/api/v1/invitations', { params: { query: cursor ? { cursor } : {} } })),
  );
}

function useInvalidating<V, R>(keys: string[], fn: (v: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => Promise.all(keys.map((key) => queryClient.invalidateQueries({ queryKey: [key] }))),
  });
}

export const useSetMemberStatus = () =>
  useInvalidating(['members'], ({ userId, status }: { userId: string; status: 'active' | 'suspended' }) =>
    unwrap(api.PATCH('/api/v1/members/{userId}', { params: { path: { userId } }, body: { status } })),
  );

export const useRemoveMember = () =>
  useInvalidating(['members', 'role-bindings'], (userId: string) =>
    unwrap(api.DELETE('/api/v1/members/{userId}', { params: { path: { userId } } })),
  );

export const useInvite = () =>
  useInvalidating(['invitations'], (body: { email: string; roleId: string; folderId: string }) =>
    unwrap(api.POST('/api/v1/invitations', { body })),
  );

export const useRevokeInvitation = () =>
  useInvalidating(['invitations'], (id: string) =>
    unwrap(api.DELETE('/api/v1/invitations/{id}', { params: { path: { id } } })),
  );
