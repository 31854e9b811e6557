import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../app/api/client';
import type { paths } from '../../app/api/schema';
import { usePaged } from '../../app/api/use-paged';
import { assessmentKeys, requirementAssessmentKeys } from './keys';

type Json<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  responses: { 200: { content: { 'application/json': infer R } } };
}
  ? R
  : never;

export type AssessmentSummaryItem = Json<'/api/v1/compliance-assessments', 'get'>['items'][number];
export type Assessment = Json<'/api/v1/compliance-assessments/{id}', 'get'>;
export type WorkspaceItem = Json<'/api/v1/compliance-assessments/{id}/requirements', 'get'>['items'][number];
export type RequirementAssessment = Json<'/api/v1/requirement-assessments/{id}', 'get'>;
export type Comparison = Json<'/api/v1/compliance-assessments/{id}/compare/{otherId}', 'get'>;
export type AssessmentStatus = Assessment['status'];
export type RequirementResult = RequirementAssessment['result'];
export type RequirementStatus = RequirementAssessment['status'];
type CreateBody = NonNullable<
  paths['/api/v1/compliance-assessments']['post']['requestBody']
>['content']['application/json'];
type UpdateBody = NonNullable<
  paths['/api/v1/compliance-assessments/{id}']['patch']['requestBody']
>['content']['application/json'];
type RequirementBody = NonNullable<
  paths['/api/v1/requirement-assessments/{id}']['patch']['requestBody']
>['content']['application/json'];
type BulkBody = NonNullable<
  paths['/api/v1/compliance-assessments/{id}/requirement-assessments/bulk']['post']['requestBody']
>['content']['application/json'];

export const assessmentStatuses: AssessmentStatus[] = ['planned', 'in_progress', 'in_review', 'done', 'deprecated'];
export const requirementResults: RequirementResult[] = [
  'not_assessed',
  'compliant',
  'partially_compliant',
  'non_compliant',
  'not_applicable',
];
export const requirementStatuses: RequirementStatus[] = ['to_do', 'in_progress', 'in_review', 'done'];

/** One colour per result, the same in the list, the breakdown and the badges. */
export const resultColor: Record<RequirementResult, string> = {
  not_assessed: 'gray',
  compliant: 'green',
  partially_compliant: 'yellow',
  non_compliant: 'red',
  not_applicable: 'blue',
};

/** One colour per assessment status, in the list and on the workspace's status menu. */
export const statusColor: Record<AssessmentStatus, string> = {
  planned: 'gray',
  in_progress: 'blue',
  in_review: 'violet',
  done: 'green',
  deprecated: 'dark',
};

export interface AssessmentListFilters {
  q: string;
  status: AssessmentStatus | null;
  frameworkId: string | null;
  /** Any version of this framework (the compare picker's candidates). */
  frameworkUrn?: string;
}

export function useAssessments(filters: AssessmentListFilters, enabled = true) {
  return usePaged(
    assessmentKeys.list(filters),
    (cursor) =>
      unwrap(
        api.GET('/api/v1/compliance-assessments', {
          params: {
            query: {
              ...(filters.q ? { q: filters.q } : {}),
              ...(filters.status ? { status: filters.status } : {}),
              ...(filters.frameworkId ? { frameworkId: filters.frameworkId } : {}),
              ...(filters.frameworkUrn ? { frameworkUrn: filters.frameworkUrn } : {}),
              ...(cursor ? { cursor } : {}),
            },
          },
        }),
      ),
    enabled,
  );
}

export function useAssessment(id: string) {
  return useQuery({
    queryKey: assessmentKeys.detail(id),
    queryFn: () => unwrap(api.GET('/api/v1/compliance-assessments/{id}', { params: { path: { id } } })),
  });
}

export function useWorkspace(id: string) {
  return useQuery({
    queryKey: assessmentKeys.requirements(id),
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/compliance-assessments/{id}/requirements', { params: { path: { id } } }))).items,
    placeholderData: keepPreviousData,
  });
}

export function useRequirementAssessment(id: string | null) {
  return useQuery({
    queryKey: requirementAssessmentKeys.detail(id),
    queryFn: () => unwrap(api.GET('/api/v1/requirement-assessments/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: id !== null,
  });
}

export function useComparison(id: string, otherId: string | null) {
  return useQuery({
    queryKey: assessmentKeys.compare(id, otherId),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/compliance-assessments/{id}/compare/{otherId}', {
          params: { path: { id, otherId: otherId ?? '' } },
        }),
      ),
    enabled: otherId !== null,
  });
}

/** After a change, the assessment, its workspace and the lists are stale. */
function useInvalidateAssessment() {
  const client = useQueryClient();
  return (id: string) =>
    Promise.all([
      client.invalidateQueries({ queryKey: assessmentKeys.detail(id) }),
      client.invalidateQueries({ queryKey: assessmentKeys.lists() }),
    ]);
}

export function useCreateAssessment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateBody) => unwrap(api.POST('/api/v1/compliance-assessments', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: assessmentKeys.lists() }),
  });
}

export function useUpdateAssessment() {
  const invalidate = useInvalidateAssessment();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateBody & { id: string }) =>
      unwrap(api.PATCH('/api/v1/compliance-assessments/{id}', { params: { path: { id } }, body })),
    onSuccess: (saved) => invalidate(saved.id),
  });
}

export function useDeleteAssessment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      unwrap(api.DELETE('/api/v1/compliance-assessments/{id}', { params: { path: { id }, query: { version } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: assessmentKeys.all }),
  });
}

export function useUpdateRequirementAssessment(assessmentId: string) {
  const invalidate = useInvalidateAssessment();
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: RequirementBody & { id: string }) =>
      unwrap(api.PATCH('/api/v1/requirement-assessments/{id}', { params: { path: { id } }, body })),
    onSuccess: (saved) => {
      client.setQueryData(requirementAssessmentKeys.detail(saved.id), saved);
      return invalidate(assessmentId);
    },
  });
}

export function useSetLinks(assessmentId: string) {
  const invalidate = useInvalidateAssessment();
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      ...body
    }: {
      id: string;
      version: number;
      evidenceIds?: string[];
      appliedControlIds?: string[];
    }) => unwrap(api.PUT('/api/v1/requirement-assessments/{id}/links', { params: { path: { id } }, body })),
    onSuccess: (saved) => {
      client.setQueryData(requirementAssessmentKeys.detail(saved.id), saved);
      return invalidate(assessmentId);
    },
  });
}

export function useBulkUpdate(assessmentId: string) {
  const invalidate = useInvalidateAssessment();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BulkBody) =>
      unwrap(
        api.POST('/api/v1/compliance-assessments/{id}/requirement-assessments/bulk', {
          params: { path: { id: assessmentId } },
          body,
        }),
      ),
    onSuccess: () =>
      Promise.all([invalidate(assessmentId), client.invalidateQueries({ queryKey: requirementAssessmentKeys.all })]),
  });
}

/** Evidence and applied controls to link, searched by name; an unavailable API yields an empty list. */
export function useLinkCandidates(kind: 'evidence' | 'controls', q: string, enabled: boolean) {
  return useQuery({
    queryKey: assessmentKeys.linkCandidates(kind, q),
    queryFn: async () => {
      const query = { ...(q ? { q } : {}), limit: 50 };
      const page =
        kind === 'evidence'
          ? await unwrap(api.GET('/api/v1/evidence', { params: { query } }))
          : await unwrap(api.GET('/api/v1/applied-controls', { params: { query } }));
      return page.items.map((item) => ({ id: item.id, name: item.name, refId: item.refId ?? null }));
    },
    enabled,
    placeholderData: keepPreviousData,
    retry: false,
  });
}
