import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../app/api/client';
import type { paths } from '../../app/api/schema';
import { assessmentKeys } from '../assessments/keys';
import { dashboardKeys } from '../dashboard/keys';
import { inferenceKeys } from './keys';

type Body<P extends keyof paths> = paths[P] extends {
  post: { requestBody?: { content: { 'application/json': infer B } } };
}
  ? B
  : never;

export type PreviewBody = Body<'/api/v1/mapping-inference/preview'>;
export type InferBody = Body<'/api/v1/compliance-assessments/infer'>;

/** Frameworks an assessment of `frameworkId` can fill through mapping sets, nearest first. */
export function useReachableFrameworks(frameworkId: string | null) {
  return useQuery({
    queryKey: inferenceKeys.reachable(frameworkId),
    queryFn: async () =>
      (
        await unwrap(
          api.GET('/api/v1/mapping-inference/reachable-frameworks', {
            params: { query: { frameworkId: frameworkId ?? '' } },
          }),
        )
      ).items,
    enabled: frameworkId !== null,
  });
}

export function usePreviewInference() {
  return useMutation({
    mutationFn: (body: PreviewBody) => unwrap(api.POST('/api/v1/mapping-inference/preview', { body })),
  });
}

export function useInferAssessment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: InferBody) => unwrap(api.POST('/api/v1/compliance-assessments/infer', { body })),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: assessmentKeys.all }),
        queryClient.invalidateQueries({ queryKey: dashboardKeys.all }),
      ]),
  });
}
