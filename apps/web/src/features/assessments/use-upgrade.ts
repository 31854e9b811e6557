import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../app/api/client';
import type { paths } from '../../app/api/schema';
import { assessmentKeys, requirementAssessmentKeys } from './keys';

type Json<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  responses: { 200: { content: { 'application/json': infer R } } };
}
  ? R
  : never;

export type UpgradeTarget = Json<'/api/v1/compliance-assessments/{id}/upgrade-targets', 'get'>['items'][number];
export type UpgradeReport = Json<'/api/v1/compliance-assessments/{id}/upgrade-preview', 'post'>;

/** The other loaded versions of the assessment's framework; asked only when the caller could upgrade. */
export function useUpgradeTargets(assessmentId: string, enabled: boolean) {
  return useQuery({
    queryKey: assessmentKeys.upgradeTargets(assessmentId),
    queryFn: async () =>
      (
        await unwrap(
          api.GET('/api/v1/compliance-assessments/{id}/upgrade-targets', { params: { path: { id: assessmentId } } }),
        )
      ).items,
    enabled,
  });
}

/** What the upgrade to `frameworkId` would do; writes nothing, so it is a query keyed by the target. */
export function useUpgradePreview(assessmentId: string, frameworkId: string | null) {
  return useQuery({
    queryKey: assessmentKeys.upgradePreview(assessmentId, frameworkId),
    queryFn: () =>
      unwrap(
        api.POST('/api/v1/compliance-assessments/{id}/upgrade-preview', {
          params: { path: { id: assessmentId } },
          body: { frameworkId: frameworkId ?? '' },
        }),
      ),
    enabled: frameworkId !== null,
    retry: false,
    // A report describes one moment: dropped when the dialog closes, never shown again from the cache.
    gcTime: 0,
  });
}

export function useUpgradeAssessment(assessmentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { frameworkId: string; version: number }) =>
      unwrap(api.POST('/api/v1/compliance-assessments/{id}/upgrade', { params: { path: { id: assessmentId } }, body })),
    onSuccess: () =>
      Promise.all([
        // The assessment, its workspace, previews and every requirement assessment point at other nodes now.
        // Not the preview still on screen: asked again, it would answer 400 (the target is now the current version).
        client.invalidateQueries({
          queryKey: assessmentKeys.detail(assessmentId),
          predicate: (query) => query.queryKey[2] !== 'upgrade-preview',
        }),
        client.invalidateQueries({ queryKey: assessmentKeys.lists() }),
        client.invalidateQueries({ queryKey: requirementAssessmentKeys.all }),
      ]),
  });
}
