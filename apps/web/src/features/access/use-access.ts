import { type QueryKey, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../app/api/client';
import type { paths } from '../../app/api/schema';
import { usePaged } from '../../app/api/use-paged';
import { accessKeys } from './keys';

type Json<P extends keyof paths, M extends 'get'> = paths[P][M] extends {
  responses: { 200: { content: { 'application/json': infer T } } };
}
  ? T
  : never;
export type Group = Json<'/api/v1/groups', 'get'>['items'][number];
export type Role = Json<'/api/v1/roles', 'get'>['items'][number];
export type RoleBinding = Json<'/api/v1/role-bindings', 'get'>['items'][number];
export type GroupMember = Json<'/api/v1/groups/{id}/members', 'get'>['items'][number];

export const useGroups = () =>
  usePaged(accessKeys.groups, (cursor) =>
    unwrap(api.GET('/api/v1/groups', { params: { query: cursor ? { cursor } : {} } })),
  );

export const useGroupMembers = (id: string | null) =>
  usePaged(
    accessKeys.groupMembers(id),
    (cursor) =>
      unwrap(
        api.GET('/api/v1/groups/{id}/members', { params: { path: { id: id ?? '' }, query: cursor ? { cursor } : {} } }),
      ),
    Boolean(id),
  );

/** Roles to pick from when inviting or granting access. */
export const useRoles = () =>
  useQuery({ queryKey: accessKeys.roles, queryFn: async () => (await unwrap(api.GET('/api/v1/roles'))).items });

export const usePermissionCatalog = () =>
  useQuery({
    queryKey: accessKeys.permissions,
    queryFn: () => unwrap(api.GET('/api/v1/permissions')),
    staleTime: Infinity,
  });

export const useBindings = (folderId: string | null) =>
  usePaged(
    accessKeys.bindingsOfFolder(folderId),
    (cursor) =>
      unwrap(
        api.GET('/api/v1/role-bindings', {
          params: { query: { folderId: folderId ?? '', ...(cursor ? { cursor } : {}) } },
        }),
      ),
    Boolean(folderId),
  );

/** A write that refreshes the lists it can change (counts on roles and groups move with bindings). */
export function useAccessMutation<V, R>(fn: (variables: V) => Promise<R>, keys: QueryKey[]) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => Promise.all(keys.map((key) => queryClient.invalidateQueries({ queryKey: key }))),
  });
}
