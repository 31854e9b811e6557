import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../app/api/client';
import type { paths } from '../../app/api/schema';
import { usePaged } from '../../app/api/use-paged';
import { useDecisionMutation, useDeleteDecision } from '../../app/ui/decision-record/use-decision-mutation';
import { securityExceptionKeys } from './keys';
import type { ExceptionsSearch } from './search';

export type SecurityException =
  paths['/api/v1/security-exceptions/{id}']['get']['responses'][200]['content']['application/json'];
export type ExceptionState = SecurityException['state'];
export type Severity = SecurityException['severity'];
type ListQuery = NonNullable<paths['/api/v1/security-exceptions']['get']['parameters']['query']>;
export type CreateExceptionBody = NonNullable<
  paths['/api/v1/security-exceptions']['post']['requestBody']
>['content']['application/json'];
export type UpdateExceptionBody = NonNullable<
  paths['/api/v1/security-exceptions/{id}']['patch']['requestBody']
>['content']['application/json'];

export const exceptionStates = ['draft', 'in_review', 'approved', 'rejected', 'resolved', 'expired'] as const;
export const severities = ['info', 'low', 'medium', 'high', 'critical'] as const;
// Plain colours, not theme names: a light badge caps its text at shade 6, under 4.5:1 for most hues.
export const exceptionStateColor: Record<ExceptionState, string> = {
  draft: '#495057',
  in_review: '#1864ab',
  approved: '#1f6b2f',
  rejected: '#a61e1e',
  resolved: '#5f3dc4',
  expired: '#343a40',
};
export const severityColor: Record<Severity, string> = {
  info: '#495057',
  low: '#1864ab',
  medium: '#8a5a00',
  high: '#a13d00',
  critical: '#a61e1e',
};

export type ExceptionFilters = Pick<
  ListQuery,
  'q' | 'state' | 'severity' | 'awaitingMe' | 'requirementAssessmentId' | 'appliedControlId'
>;

export function useExceptionList(filters: ExceptionFilters, enabled = true) {
  return usePaged(
    securityExceptionKeys.list(filters),
    (cursor) =>
      unwrap(
        api.GET('/api/v1/security-exceptions', { params: { query: { ...filters, ...(cursor ? { cursor } : {}) } } }),
      ),
    enabled,
  );
}

export type ExceptionSummary = ReturnType<typeof useExceptionList>['items'][number];

/** The list's rows, for the filters in the URL. */
export function useExceptionRows({ awaitingMe, ...rest }: ExceptionsSearch) {
  return useExceptionList({ ...rest, ...(awaitingMe ? { awaitingMe: 'true' as const } : {}) });
}

export function useException(id: string) {
  return useQuery({
    queryKey: securityExceptionKeys.detail(id),
    queryFn: () => unwrap(api.GET('/api/v1/security-exceptions/{id}', { params: { path: { id } } })),
  });
}

const useExceptionMutation = <V>(fn: (variables: V) => Promise<SecurityException>) =>
  useDecisionMutation(securityExceptionKeys, fn);

export const useCreateException = () =>
  useExceptionMutation((body: CreateExceptionBody) => unwrap(api.POST('/api/v1/security-exceptions', { body })));

export const useUpdateException = () =>
  useExceptionMutation(({ id, ...body }: UpdateExceptionBody & { id: string }) =>
    unwrap(api.PATCH('/api/v1/security-exceptions/{id}', { params: { path: { id } }, body })),
  );

export const useTransitionException = () =>
  useExceptionMutation(({ id, ...body }: { id: string; version: number; to: ExceptionState; comment?: string }) =>
    unwrap(api.POST('/api/v1/security-exceptions/{id}/transition', { params: { path: { id } }, body })),
  );

export const useLinkRequirementAssessment = () =>
  useExceptionMutation(({ id, requirementAssessmentId }: { id: string; requirementAssessmentId: string }) =>
    unwrap(
      api.POST('/api/v1/security-exceptions/{id}/requirement-assessments', {
        params: { path: { id } },
        body: { requirementAssessmentId },
      }),
    ),
  );

export const useUnlinkRequirementAssessment = () =>
  useExceptionMutation(({ id, targetId }: { id: string; targetId: string }) =>
    unwrap(
      api.DELETE('/api/v1/security-exceptions/{id}/requirement-assessments/{targetId}', {
        params: { path: { id, targetId } },
      }),
    ),
  );

export const useLinkControl = () =>
  useExceptionMutation(({ id, appliedControlId }: { id: string; appliedControlId: string }) =>
    unwrap(
      api.POST('/api/v1/security-exceptions/{id}/applied-controls', {
        params: { path: { id } },
        body: { appliedControlId },
      }),
    ),
  );

export const useUnlinkControl = () =>
  useExceptionMutation(({ id, targetId }: { id: string; targetId: string }) =>
    unwrap(
      api.DELETE('/api/v1/security-exceptions/{id}/applied-controls/{targetId}', {
        params: { path: { id, targetId } },
      }),
    ),
  );

export const useDeleteException = () =>
  useDeleteDecision(securityExceptionKeys, ({ id, version }) =>
    unwrap(api.DELETE('/api/v1/security-exceptions/{id}', { params: { path: { id }, query: { version } } })),
  );

/** Compliance assessments by name, for the requirement picker. */
export function useAssessmentSearch(q: string) {
  return useQuery({
    queryKey: securityExceptionKeys.assessmentSearch(q),
    placeholderData: keepPreviousData,
    queryFn: async () =>
      (
        await unwrap(
          api.GET('/api/v1/compliance-assessments', { params: { query: { limit: 20, ...(q ? { q } : {}) } } }),
        )
      ).items,
  });
}

/** The assessable requirements of one compliance assessment (its workspace rows with an assessment). */
export function useAssessmentRequirements(assessmentId: string | null) {
  return useQuery({
    queryKey: securityExceptionKeys.assessmentRequirements(assessmentId),
    enabled: assessmentId !== null,
    queryFn: async () =>
      (
        await unwrap(
          api.GET('/api/v1/compliance-assessments/{id}/requirements', {
            params: { path: { id: assessmentId ?? '' } },
          }),
        )
      ).items.flatMap((node) =>
        node.assessment
          ? [{ id: node.assessment.id, label: `${node.refId ?? ''} ${node.name ?? node.urn}`.trim() }]
          : [],
      ),
  });
}

/** Applied controls by name, for the control picker. */
export function useControlSearch(q: string) {
  return useQuery({
    queryKey: securityExceptionKeys.controlSearch(q),
    placeholderData: keepPreviousData,
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/applied-controls', { params: { query: { limit: 20, ...(q ? { q } : {}) } } })))
        .items,
  });
}
