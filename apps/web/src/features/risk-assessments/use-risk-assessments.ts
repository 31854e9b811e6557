import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../app/api/client';
import type { paths } from '../../app/api/schema';
import { usePaged } from '../../app/api/use-paged';
import { auditKeys } from '../audit/keys';
import { riskMatrixKeys } from '../risk-matrices/keys';
import { riskRegisterKeys } from '../risk-register/keys';
import { riskAssessmentKeys, riskScenarioKeys } from './keys';

type Json<T> = T extends { content: { 'application/json': infer J } } ? J : never;
export type RiskAssessment = Json<paths['/api/v1/risk-assessments/{id}']['get']['responses'][200]>;
export type RiskAssessmentSummary = Json<paths['/api/v1/risk-assessments']['get']['responses'][200]>['items'][number];
export type RiskScenario = Json<paths['/api/v1/risk-scenarios/{id}']['get']['responses'][200]>;
export type RiskScenarioSummary = Json<paths['/api/v1/risk-scenarios']['get']['responses'][200]>['items'][number];
export type MatrixDefinition = RiskAssessment['riskMatrix']['definition'];
export type CreateAssessmentBody = NonNullable<
  paths['/api/v1/risk-assessments']['post']['requestBody']
>['content']['application/json'];
export type UpdateAssessmentBody = NonNullable<
  paths['/api/v1/risk-assessments/{id}']['patch']['requestBody']
>['content']['application/json'];
export type RerateBody = NonNullable<
  paths['/api/v1/risk-assessments/{id}/re-rate']['post']['requestBody']
>['content']['application/json'];
export type CreateScenarioBody = NonNullable<
  paths['/api/v1/risk-scenarios']['post']['requestBody']
>['content']['application/json'];
export type UpdateScenarioBody = NonNullable<
  paths['/api/v1/risk-scenarios/{id}']['patch']['requestBody']
>['content']['application/json'];
type AssessmentQuery = NonNullable<paths['/api/v1/risk-assessments']['get']['parameters']['query']>;
export type AssessmentFilters = Pick<AssessmentQuery, 'q' | 'status'>;

export const assessmentStatuses = ['planned', 'in_progress', 'in_review', 'done', 'deprecated'] as const;
export const treatments = ['open', 'mitigate', 'accept', 'avoid', 'transfer'] as const;
export const knowledgeLevels = ['low', 'medium', 'high'] as const;
export const ratingKinds = ['inherent', 'current', 'residual'] as const;
export type RatingKind = (typeof ratingKinds)[number];

export const statusColor: Record<RiskAssessment['status'], string> = {
  planned: '#495057',
  in_progress: '#1864ab',
  in_review: '#7a5600',
  done: '#1f6b2f',
  deprecated: '#343a40',
};

export function useRiskAssessments(filters: AssessmentFilters) {
  return usePaged(riskAssessmentKeys.list(filters), (cursor) =>
    unwrap(api.GET('/api/v1/risk-assessments', { params: { query: { ...filters, ...(cursor ? { cursor } : {}) } } })),
  );
}

export function useRiskAssessment(id: string) {
  return useQuery({
    queryKey: riskAssessmentKeys.detail(id),
    queryFn: () => unwrap(api.GET('/api/v1/risk-assessments/{id}', { params: { path: { id } } })),
  });
}

/**
 * Writes answer the assessment as GET does: cache it, refresh lists, the scenarios it holds and the register's
 * heat maps and treatment plans (a re-rating or a new tolerance changes levels and flags).
 */
function useAssessmentMutation<V>(fn: (variables: V) => Promise<RiskAssessment | undefined>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (assessment) => {
      if (assessment) queryClient.setQueryData(riskAssessmentKeys.detail(assessment.id), assessment);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: riskAssessmentKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: riskAssessmentKeys.options() }),
        queryClient.invalidateQueries({ queryKey: riskScenarioKeys.all }),
        queryClient.invalidateQueries({ queryKey: riskRegisterKeys.all }),
      ]);
    },
  });
}

export const useCreateAssessment = () =>
  useAssessmentMutation((body: CreateAssessmentBody) => unwrap(api.POST('/api/v1/risk-assessments', { body })));

export const useUpdateAssessment = () =>
  useAssessmentMutation(({ id, ...body }: UpdateAssessmentBody & { id: string }) =>
    unwrap(api.PATCH('/api/v1/risk-assessments/{id}', { params: { path: { id } }, body })),
  );

export const useRerate = () =>
  useAssessmentMutation(({ id, ...body }: RerateBody & { id: string }) =>
    unwrap(api.POST('/api/v1/risk-assessments/{id}/re-rate', { params: { path: { id } }, body })),
  );

export function useDeleteAssessment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      unwrap(api.DELETE('/api/v1/risk-assessments/{id}', { params: { path: { id }, query: { version } } })),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: riskAssessmentKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: riskAssessmentKeys.options() }),
        queryClient.invalidateQueries({ queryKey: riskScenarioKeys.lists() }),
      ]);
    },
  });
}

/** Every matrix the organisation may rate on (built-in and its own, latest revisions and older ones). */
export function useMatrixOptions(allRevisions = false) {
  return useQuery({
    queryKey: riskMatrixKeys.options(allRevisions),
    queryFn: async () =>
      (
        await unwrap(
          api.GET('/api/v1/risk-matrices', {
            params: { query: { limit: 200, ...(allRevisions ? { allRevisions: 'true' as const } : {}) } },
          }),
        )
      ).items,
    staleTime: 60_000,
  });
}

export function useAssessmentScenarios(riskAssessmentId: string) {
  return usePaged(riskScenarioKeys.list({ riskAssessmentId }), (cursor) =>
    unwrap(
      api.GET('/api/v1/risk-scenarios', {
        params: { query: { riskAssessmentId, limit: 100, ...(cursor ? { cursor } : {}) } },
      }),
    ),
  );
}

export function useScenario(id: string) {
  return useQuery({
    queryKey: riskScenarioKeys.detail(id),
    queryFn: () => unwrap(api.GET('/api/v1/risk-scenarios/{id}', { params: { path: { id } } })),
  });
}

function useScenarioMutation<V>(fn: (variables: V) => Promise<RiskScenario | undefined>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (scenario) => {
      if (scenario) queryClient.setQueryData(riskScenarioKeys.detail(scenario.id), scenario);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: riskScenarioKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: auditKeys.all }),
        // Ratings, treatment and planned controls feed the heat maps and the treatment plan.
        queryClient.invalidateQueries({ queryKey: riskRegisterKeys.all }),
        // The assessment's figures (counts, flagged) and the list's scenario counts move with its scenarios.
        queryClient.invalidateQueries({ queryKey: riskAssessmentKeys.all }),
      ]);
    },
  });
}

export const useCreateScenario = () =>
  useScenarioMutation((body: CreateScenarioBody) => unwrap(api.POST('/api/v1/risk-scenarios', { body })));

export const useUpdateScenario = () =>
  useScenarioMutation(({ id, ...body }: UpdateScenarioBody & { id: string }) =>
    unwrap(api.PATCH('/api/v1/risk-scenarios/{id}', { params: { path: { id } }, body })),
  );

export function useDeleteScenario() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      unwrap(api.DELETE('/api/v1/risk-scenarios/{id}', { params: { path: { id }, query: { version } } })),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: riskScenarioKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: riskRegisterKeys.all }),
        queryClient.invalidateQueries({ queryKey: riskAssessmentKeys.all }),
      ]);
    },
  });
}

export type LinkKind = 'threats' | 'assets' | 'existing-controls' | 'planned-controls';

/** Adds or removes one link; the answer is the scenario as GET gives it. */
export const useScenarioLink = () =>
  useScenarioMutation(
    async ({ id, kind, targetId, remove }: { id: string; kind: LinkKind; targetId: string; remove?: boolean }) => {
      if (remove) {
        const path = { id, targetId };
        if (kind === 'threats')
          return unwrap(api.DELETE('/api/v1/risk-scenarios/{id}/threats/{targetId}', { params: { path } }));
        if (kind === 'assets')
          return unwrap(api.DELETE('/api/v1/risk-scenarios/{id}/assets/{targetId}', { params: { path } }));
        if (kind === 'existing-controls')
          return unwrap(api.DELETE('/api/v1/risk-scenarios/{id}/existing-controls/{targetId}', { params: { path } }));
        return unwrap(api.DELETE('/api/v1/risk-scenarios/{id}/planned-controls/{targetId}', { params: { path } }));
      }
      const params = { path: { id } };
      if (kind === 'threats')
        return unwrap(api.POST('/api/v1/risk-scenarios/{id}/threats', { params, body: { threatId: targetId } }));
      if (kind === 'assets')
        return unwrap(api.POST('/api/v1/risk-scenarios/{id}/assets', { params, body: { assetId: targetId } }));
      if (kind === 'existing-controls')
        return unwrap(
          api.POST('/api/v1/risk-scenarios/{id}/existing-controls', { params, body: { appliedControlId: targetId } }),
        );
      return unwrap(
        api.POST('/api/v1/risk-scenarios/{id}/planned-controls', { params, body: { appliedControlId: targetId } }),
      );
    },
  );

export interface PickOption {
  value: string;
  label: string;
}

/** Candidates for a link picker, searched on the server (first 50 matches). */
export function useLinkCandidates(kind: LinkKind, q: string, enabled: boolean) {
  return useQuery({
    queryKey: riskScenarioKeys.linkCandidates(kind, q),
    enabled,
    placeholderData: keepPreviousData,
    queryFn: async (): Promise<PickOption[]> => {
      const query = { limit: 50, ...(q ? { q } : {}) };
      const label = (item: { refId: string | null; name: string }) =>
        item.refId ? `${item.refId} · ${item.name}` : item.name;
      if (kind === 'threats') {
        const page = await unwrap(api.GET('/api/v1/threats', { params: { query } }));
        return page.items.map((i) => ({ value: i.id, label: label(i) }));
      }
      if (kind === 'assets') {
        const page = await unwrap(api.GET('/api/v1/assets', { params: { query } }));
        return page.items.map((i) => ({ value: i.id, label: label(i) }));
      }
      const page = await unwrap(api.GET('/api/v1/applied-controls', { params: { query } }));
      return page.items.map((i) => ({ value: i.id, label: label(i) }));
    },
  });
}

/** The audit trail of one scenario, newest first. */
/**
 * The audit events of one object, newest first. `version` is part of the key: the history of a newer version is
 * a new query (no stale page shown beside the newer object), which the scenario history needs because it rebuilds
 * ratings backwards from the object as it is now.
 */
export function useObjectHistory(objectId: string, version: number) {
  return usePaged(auditKeys.object(objectId, version), (cursor) =>
    unwrap(api.GET('/api/v1/audit-events', { params: { query: { objectId, ...(cursor ? { cursor } : {}) } } })),
  );
}
