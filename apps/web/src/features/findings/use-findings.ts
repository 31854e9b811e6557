import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../app/api/client';
import type { paths } from '../../app/api/schema';
import { usePaged } from '../../app/api/use-paged';
import { findingKeys, findingsAssessmentKeys } from './keys';

export type Finding = paths['/api/v1/findings/{id}']['get']['responses'][200]['content']['application/json'];
export type FindingSummary =
  paths['/api/v1/findings']['get']['responses'][200]['content']['application/json']['items'][number];
export type CreateFindingBody = NonNullable<
  paths['/api/v1/findings']['post']['requestBody']
>['content']['application/json'];
export type UpdateFindingBody = NonNullable<
  paths['/api/v1/findings/{id}']['patch']['requestBody']
>['content']['application/json'];
export type FindingFilters = Omit<
  NonNullable<paths['/api/v1/findings']['get']['parameters']['query']>,
  'cursor' | 'limit'
>;
export type FindingsAssessment =
  paths['/api/v1/findings-assessments/{id}']['get']['responses'][200]['content']['application/json'];
export type CreateAssessmentBody = NonNullable<
  paths['/api/v1/findings-assessments']['post']['requestBody']
>['content']['application/json'];
export type UpdateAssessmentBody = NonNullable<
  paths['/api/v1/findings-assessments/{id}']['patch']['requestBody']
>['content']['application/json'];
export type AssessmentFilters = Omit<
  NonNullable<paths['/api/v1/findings-assessments']['get']['parameters']['query']>,
  'cursor' | 'limit'
>;
export type FindingSlas = paths['/api/v1/finding-slas']['get']['responses'][200]['content']['application/json'];

export const severities = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof severities)[number];
export const findingStatuses = ['identified', 'confirmed', 'in_progress', 'mitigated', 'closed', 'dismissed'] as const;
export type FindingStatus = (typeof findingStatuses)[number];
export const assessmentCategories = ['audit', 'pentest', 'scan', 'self_identified', 'other'] as const;
export const assessmentStatuses = ['planned', 'in_progress', 'in_review', 'done', 'deprecated'] as const;

// Plain colours with at least 4.5:1 contrast for white text on a filled badge.
export const severityColor: Record<Severity, string> = {
  critical: '#8f1d1d',
  high: '#a13d00',
  medium: '#7a5600',
  low: '#1864ab',
  info: '#495057',
};
export const findingStatusColor: Record<FindingStatus, string> = {
  identified: '#495057',
  confirmed: '#7a5600',
  in_progress: '#1864ab',
  mitigated: '#1f6b2f',
  closed: '#343a40',
  dismissed: '#343a40',
};

export function useFindings(filters: FindingFilters, enabled = true) {
  return usePaged(
    findingKeys.list(filters),
    (cursor) =>
      unwrap(api.GET('/api/v1/findings', { params: { query: { ...filters, ...(cursor ? { cursor } : {}) } } })),
    enabled,
  );
}

export function useFinding(id: string) {
  return useQuery({
    queryKey: findingKeys.detail(id),
    queryFn: () => unwrap(api.GET('/api/v1/findings/{id}', { params: { path: { id } } })),
  });
}

/** Writes answer the finding as GET does: cache it and refresh lists (assessment figures move too). */
function useFindingMutation<V>(fn: (variables: V) => Promise<Finding | undefined>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (finding) => {
      if (finding) queryClient.setQueryData(findingKeys.detail(finding.id), finding);
      await queryClient.invalidateQueries({ queryKey: findingKeys.lists() });
      await queryClient.invalidateQueries({ queryKey: findingsAssessmentKeys.all });
    },
  });
}

export const useCreateFinding = () =>
  useFindingMutation((body: CreateFindingBody) => unwrap(api.POST('/api/v1/findings', { body })));

export const useUpdateFinding = () =>
  useFindingMutation(({ id, ...body }: UpdateFindingBody & { id: string }) =>
    unwrap(api.PATCH('/api/v1/findings/{id}', { params: { path: { id } }, body })),
  );

export function useDeleteFinding() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      unwrap(api.DELETE('/api/v1/findings/{id}', { params: { path: { id }, query: { version } } })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: findingKeys.lists() });
      await queryClient.invalidateQueries({ queryKey: findingsAssessmentKeys.all });
    },
  });
}

export type LinkKind = 'assets' | 'applied-controls' | 'risk-scenarios';

export const useLink = (kind: LinkKind) =>
  useFindingMutation(({ id, targetId }: { id: string; targetId: string }) => {
    const path = { params: { path: { id } } };
    if (kind === 'assets')
      return unwrap(api.POST('/api/v1/findings/{id}/assets', { ...path, body: { assetId: targetId } }));
    if (kind === 'applied-controls') {
      return unwrap(
        api.POST('/api/v1/findings/{id}/applied-controls', { ...path, body: { appliedControlId: targetId } }),
      );
    }
    return unwrap(api.POST('/api/v1/findings/{id}/risk-scenarios', { ...path, body: { riskScenarioId: targetId } }));
  });

export const useUnlink = (kind: LinkKind) =>
  useFindingMutation(({ id, targetId }: { id: string; targetId: string }) => {
    const params = { params: { path: { id, targetId } } };
    if (kind === 'assets') return unwrap(api.DELETE('/api/v1/findings/{id}/assets/{targetId}', params));
    if (kind === 'applied-controls') {
      return unwrap(api.DELETE('/api/v1/findings/{id}/applied-controls/{targetId}', params));
    }
    return unwrap(api.DELETE('/api/v1/findings/{id}/risk-scenarios/{targetId}', params));
  });

/** Candidates for a link picker: the server searches, the first 20 matches are offered. */
export function useLinkSearch(kind: LinkKind, q: string) {
  return useQuery({
    queryKey: findingKeys.linkSearch(kind, q),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    queryFn: async (): Promise<{ id: string; label: string }[]> => {
      const query = { limit: 20, ...(q ? { q } : {}) };
      const label = (i: { refId: string | null; name: string }) => (i.refId ? `${i.refId} · ${i.name}` : i.name);
      if (kind === 'assets') {
        const page = await unwrap(api.GET('/api/v1/assets', { params: { query } }));
        return page.items.map((i) => ({ id: i.id, label: label(i) }));
      }
      if (kind === 'applied-controls') {
        const page = await unwrap(api.GET('/api/v1/applied-controls', { params: { query } }));
        return page.items.map((i) => ({ id: i.id, label: label(i) }));
      }
      const page = await unwrap(api.GET('/api/v1/risk-scenarios', { params: { query } }));
      return page.items.map((i) => ({ id: i.id, label: label(i) }));
    },
  });
}

export function useAssessments(filters: AssessmentFilters) {
  return usePaged(findingsAssessmentKeys.list(filters), (cursor) =>
    unwrap(
      api.GET('/api/v1/findings-assessments', { params: { query: { ...filters, ...(cursor ? { cursor } : {}) } } }),
    ),
  );
}

export function useAssessment(id: string) {
  return useQuery({
    queryKey: findingsAssessmentKeys.detail(id),
    queryFn: () => unwrap(api.GET('/api/v1/findings-assessments/{id}', { params: { path: { id } } })),
  });
}

function useAssessmentMutation<V>(fn: (variables: V) => Promise<FindingsAssessment | undefined>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (assessment) => {
      if (assessment) queryClient.setQueryData(findingsAssessmentKeys.detail(assessment.id), assessment);
      await queryClient.invalidateQueries({ queryKey: findingsAssessmentKeys.lists() });
    },
  });
}

export const useCreateAssessment = () =>
  useAssessmentMutation((body: CreateAssessmentBody) => unwrap(api.POST('/api/v1/findings-assessments', { body })));

export const useUpdateAssessment = () =>
  useAssessmentMutation(({ id, ...body }: UpdateAssessmentBody & { id: string }) =>
    unwrap(api.PATCH('/api/v1/findings-assessments/{id}', { params: { path: { id } }, body })),
  );

export function useDeleteAssessment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      unwrap(api.DELETE('/api/v1/findings-assessments/{id}', { params: { path: { id }, query: { version } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: findingsAssessmentKeys.lists() }),
  });
}

export function useSlas() {
  return useQuery({
    queryKey: findingKeys.slas,
    queryFn: () => unwrap(api.GET('/api/v1/finding-slas')),
    staleTime: 60_000,
  });
}

export function useUpdateSlas() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { version: number; days: FindingSlas['days'] }) =>
      unwrap(api.PUT('/api/v1/finding-slas', { body })),
    onSuccess: (slas) => queryClient.setQueryData(findingKeys.slas, slas),
  });
}

/** Today's date in UTC, as the server compares due dates. */
export const todayUtc = () => new Date().toISOString().slice(0, 10);

/** The first 200 findings assessments (by name), for the assessment picker of a finding. */
export function useAssessmentOptions() {
  return useQuery({
    queryKey: findingsAssessmentKeys.options(),
    staleTime: 60_000,
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/findings-assessments', { params: { query: { limit: 200 } } }))).items.map((a) => ({
        value: a.id,
        label: a.refId ? `${a.refId} · ${a.name}` : a.name,
      })),
  });
}
