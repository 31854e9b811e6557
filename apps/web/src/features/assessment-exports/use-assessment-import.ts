import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../app/api/client';
import type { paths } from '../../app/api/schema';
import { assessmentKeys } from '../assessments/keys';

export type ImportResult =
  paths['/api/v1/compliance-assessments/{id}/import']['post']['responses'][200]['content']['application/json'];

/** The assessment with the caller's abilities (shares the workspace's cache entry). */
export function useAssessmentAbilities(assessmentId: string) {
  return useQuery({
    queryKey: assessmentKeys.detail(assessmentId),
    queryFn: () => unwrap(api.GET('/api/v1/compliance-assessments/{id}', { params: { path: { id: assessmentId } } })),
  });
}

/**
 * Sends the file; `dryRun` answers what would change. `overwrite` replaces rows changed in Rampart since the
 * file was exported (otherwise a 409 lists them). A real import refreshes everything about assessments.
 */
export function useAssessmentImport(assessmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { file: File; dryRun: boolean; overwrite: boolean }) => {
      const form = new FormData();
      form.append('file', input.file, input.file.name);
      // The route reads its multipart body by hand, so the OpenAPI document types no body.
      return unwrap(
        api.POST('/api/v1/compliance-assessments/{id}/import', {
          params: {
            path: { id: assessmentId },
            query: {
              dryRun: input.dryRun ? 'true' : 'false',
              overwrite: input.overwrite ? 'true' : 'false',
            },
          },
          body: form as never,
          bodySerializer: () => form,
        }),
      );
    },
    onSuccess: async (_result, input) => {
      if (!input.dryRun) await queryClient.invalidateQueries({ queryKey: assessmentKeys.all });
    },
  });
}
