import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../app/api/client';
import type { paths } from '../../app/api/schema';
import { usePaged } from '../../app/api/use-paged';
import { type LibraryImportVariables, libraryFileBody } from '../library-import/upload';
import { riskMatrixKeys } from './keys';

export type RiskMatrix = paths['/api/v1/risk-matrices/{id}']['get']['responses'][200]['content']['application/json'];
export type MatrixDefinition = RiskMatrix['definition'];
type CreateBody = NonNullable<paths['/api/v1/risk-matrices']['post']['requestBody']>['content']['application/json'];
type ListQuery = NonNullable<paths['/api/v1/risk-matrices']['get']['parameters']['query']>;
export type MatrixFilters = Pick<ListQuery, 'q' | 'source'>;

export function useRiskMatrices(filters: MatrixFilters) {
  return usePaged(riskMatrixKeys.list(filters), (cursor) =>
    unwrap(api.GET('/api/v1/risk-matrices', { params: { query: { ...filters, ...(cursor ? { cursor } : {}) } } })),
  );
}

/** The built-in matrices, for "copy from" pickers. */
export function useBuiltinMatrices() {
  return useQuery({
    queryKey: riskMatrixKeys.builtin(),
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/risk-matrices', { params: { query: { source: 'builtin', limit: 50 } } }))).items,
    staleTime: 60_000,
  });
}

export function useRiskMatrix(id: string) {
  return useQuery({
    queryKey: riskMatrixKeys.detail(id),
    queryFn: () => unwrap(api.GET('/api/v1/risk-matrices/{id}', { params: { path: { id } } })),
  });
}

export function useMatrixRevisions(id: string) {
  return useQuery({
    queryKey: riskMatrixKeys.revisions(id),
    queryFn: () => unwrap(api.GET('/api/v1/risk-matrices/{id}/revisions', { params: { path: { id } } })),
  });
}

function useMatrixMutation<V>(fn: (variables: V) => Promise<RiskMatrix | undefined>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (matrix) => {
      if (matrix) queryClient.setQueryData(riskMatrixKeys.detail(matrix.id), matrix);
      return queryClient.invalidateQueries({ queryKey: riskMatrixKeys.all });
    },
  });
}

export const useCreateMatrix = () =>
  useMatrixMutation((body: CreateBody) => unwrap(api.POST('/api/v1/risk-matrices', { body })));

export const useUpdateMatrix = () =>
  useMatrixMutation(({ id, ...body }: { id: string; version: number; name: string; definition: MatrixDefinition }) =>
    unwrap(api.PATCH('/api/v1/risk-matrices/{id}', { params: { path: { id } }, body })),
  );

export const useReviseMatrix = () =>
  useMatrixMutation(({ id, ...body }: { id: string; name: string; definition: MatrixDefinition }) =>
    unwrap(api.POST('/api/v1/risk-matrices/{id}/revisions', { params: { path: { id } }, body })),
  );

export function useDeleteMatrix() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      unwrap(api.DELETE('/api/v1/risk-matrices/{id}', { params: { path: { id }, query: { version } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: riskMatrixKeys.all }),
  });
}

/**
 * CISO Assistant matrices into a folder. Every matrix query goes stale, not just the list: a matrix updated in
 * place changes, and one that gained a revision has a new latest revision.
 */
export function useImportMatrices() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, folderId }: LibraryImportVariables) =>
      unwrap(api.POST('/api/v1/risk-matrices/import', { params: { query: { folderId } }, ...libraryFileBody(file) })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: riskMatrixKeys.all }),
  });
}
