import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../app/api/client';
import type { paths } from '../../app/api/schema';
import { usePaged } from '../../app/api/use-paged';
import { accessKeys } from '../access/keys';
import { invitationListKeys, memberKeys } from './keys';

export type Member = paths['/api/v1/members']['get']['responses'][200]['content']['application/json']['items'][number];
export type Invitation =
  paths['/api/v1/invitations']['get']['responses'][200]['content']['application/json']['items'][number];

export function useMembers(q: string) {
  return usePaged(memberKeys.list(q), (cursor) =>
    unwrap(api.GET('/api/v1/members', { params: { query: { ...(q ? { q } : {}), ...(cursor ? { cursor } : {}) } } })),
  );
}

export function useInvitations() {
  return usePaged(invitationListKeys.all, (cursor) =>
    unwrap(api.GET('/api/v1/invitations', { params: { query: cursor ? { cursor } : {} } })),
  );
}

function useInvalidating<V, R>(keys: QueryKey[], fn: (v: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => Promise.all(keys.map((key) => queryClient.invalidateQueries({ queryKey: key }))),
  });
}

export const useSetMemberStatus = () =>
  useInvalidating([memberKeys.all], ({ userId, status }: { userId: string; status: 'active' | 'suspended' }) =>
    unwrap(api.PATCH('/api/v1/members/{userId}', { params: { path: { userId } }, body: { status } })),
  );

export const useRemoveMember = () =>
  useInvalidating([memberKeys.all, accessKeys.bindings], (userId: string) =>
    unwrap(api.DELETE('/api/v1/members/{userId}', { params: { path: { userId } } })),
  );

export const useInvite = () =>
  useInvalidating([invitationListKeys.all], (body: { email: string; roleId: string; folderId: string }) =>
    unwrap(api.POST('/api/v1/invitations', { body })),
  );

export const useRevokeInvitation = () =>
  useInvalidating([invitationListKeys.all], (id: string) =>
    unwrap(api.DELETE('/api/v1/invitations/{id}', { params: { path: { id } } })),
  );
