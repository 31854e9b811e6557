import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../app/api/client';
import type { paths } from '../../app/api/schema';
import { usePaged } from '../../app/api/use-paged';
import { type LibraryImportVariables, libraryFileBody } from '../library-import/upload';
import { threatKeys } from './keys';

export type Threat = paths['/api/v1/threats/{id}']['get']['responses'][200]['content']['application/json'];
export type CreateThreatBody = NonNullable<
  paths['/api/v1/threats']['post']['requestBody']
>['content']['application/json'];
type ListQuery = NonNullable<paths['/api/v1/threats']['get']['parameters']['query']>;
export type ThreatFilters = Pick<ListQuery, 'q' | 'category' | 'source'>;

export const threatCategories = ['deliberate', 'accidental', 'environmental'] as const;

export interface ThreatForm {
  name: string;
  refId: string;
  description: string;
  category: (typeof threatCategories)[number] | null;
  folderId: string;
}

/**
 * The bounds the server checks, so the dialog says what is wrong before sending (zod is not a dependency of the
 * web app; the server's zod schema stays the authority and its field errors land on the same inputs).
 */
export function checkThreatForm(form: ThreatForm): Partial<Record<keyof ThreatForm, 'required' | 'tooLong'>> {
  const errors: Partial<Record<keyof ThreatForm, 'required' | 'tooLong'>> = {};
  if (form.name.trim() === '') errors.name = 'required';
  else if (form.name.trim().length > 300) errors.name = 'tooLong';
  if (form.refId.trim().length > 100) errors.refId = 'tooLong';
  if (form.description.trim().length > 20_000) errors.description = 'tooLong';
  if (!form.folderId) errors.folderId = 'required';
  return errors;
}

export function useThreats(filters: ThreatFilters) {
  return usePaged(threatKeys.list(filters), (cursor) =>
    unwrap(api.GET('/api/v1/threats', { params: { query: { ...filters, ...(cursor ? { cursor } : {}) } } })),
  );
}

function useThreatMutation<V, R>(fn: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: threatKeys.all }),
  });
}

export const useSaveThreat = () =>
  useThreatMutation(({ id, version, form }: { id?: string; version?: number; form: ThreatForm }) => {
    const fields = {
      name: form.name,
      refId: form.refId || null,
      description: form.description || null,
      category: form.category,
    };
    return id
      ? unwrap(
          api.PATCH('/api/v1/threats/{id}', {
            params: { path: { id } },
            body: { ...fields, version, folderId: form.folderId },
          }),
        )
      : unwrap(api.POST('/api/v1/threats', { body: { ...fields, folderId: form.folderId } }));
  });

export const useDeleteThreat = () =>
  useThreatMutation(({ id, version }: { id: string; version: number }) =>
    unwrap(api.DELETE('/api/v1/threats/{id}', { params: { path: { id }, query: { version } } })),
  );

export const useImportThreats = () =>
  useThreatMutation(({ file, folderId }: LibraryImportVariables) =>
    unwrap(api.POST('/api/v1/threats/import', { params: { query: { folderId } }, ...libraryFileBody(file) })),
  );
