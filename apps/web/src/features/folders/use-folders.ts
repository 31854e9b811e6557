import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../app/api/client';
import type { paths } from '../../app/api/schema';
import { folderKeys } from './keys';

export type Folder =
  paths['/api/v1/folders/tree']['get']['responses'][200]['content']['application/json']['items'][number];
type UpdateBody = NonNullable<paths['/api/v1/folders/{id}']['patch']['requestBody']>['content']['application/json'];
type CreateBody = NonNullable<paths['/api/v1/folders']['post']['requestBody']>['content']['application/json'];

export function useFolderTree() {
  return useQuery({
    queryKey: folderKeys.tree(),
    queryFn: async () => (await unwrap(api.GET('/api/v1/folders/tree'))).items,
  });
}

/** Every folder write refreshes the tree: a move or rename changes paths other folders show. */
function useFolderMutation<V, R>(fn: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: folderKeys.all }),
  });
}

export const useCreateFolder = () =>
  useFolderMutation((body: CreateBody) => unwrap(api.POST('/api/v1/folders', { body })));

export const useUpdateFolder = () =>
  useFolderMutation(({ id, ...body }: UpdateBody & { id: string; version: number }) =>
    unwrap(api.PATCH('/api/v1/folders/{id}', { params: { path: { id } }, body })),
  );

export const useDeleteFolder = () =>
  useFolderMutation(({ id, version }: { id: string; version: number }) =>
    unwrap(api.DELETE('/api/v1/folders/{id}', { params: { path: { id }, query: { version } } })),
  );
