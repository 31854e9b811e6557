import { keepPreviousData, type QueryClient, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../app/api/client';
import type { paths } from '../../app/api/schema';
import { usePaged } from '../../app/api/use-paged';
import { useDecisionMutation, useDeleteDecision } from '../../app/ui/decision-record/use-decision-mutation';
import { riskScenarioKeys } from '../risk-assessments/keys';
import { riskRegisterKeys } from '../risk-register/keys';
import { riskAcceptanceKeys } from './keys';
import type { AcceptancesSearch } from './search';

export type RiskAcceptance =
  paths['/api/v1/risk-acceptances/{id}']['get']['responses'][200]['content']['application/json'];
export type RiskAcceptanceState = RiskAcceptance['state'];
type ListQuery = NonNullable<paths['/api/v1/risk-acceptances']['get']['parameters']['query']>;
export type CreateAcceptanceBody = NonNullable<
  paths['/api/v1/risk-acceptances']['post']['requestBody']
>['content']['application/json'];
export type UpdateAcceptanceBody = NonNullable<
  paths['/api/v1/risk-acceptances/{id}']['patch']['requestBody']
>['content']['application/json'];

export const acceptanceStates = ['created', 'submitted', 'accepted', 'rejected', 'revoked'] as const;
// Plain colours, not theme names: a light badge caps its text at shade 6, under 4.5:1 for most hues.
export const acceptanceStateColor: Record<RiskAcceptanceState, string> = {
  created: '#495057',
  submitted: '#1864ab',
  accepted: '#1f6b2f',
  rejected: '#a61e1e',
  revoked: '#343a40',
};

export type AcceptanceFilters = Pick<ListQuery, 'q' | 'state' | 'inForce' | 'awaitingMe' | 'expiringWithinDays'>;

export function useAcceptanceList(filters: AcceptanceFilters) {
  return usePaged(riskAcceptanceKeys.list(filters), (cursor) =>
    unwrap(api.GET('/api/v1/risk-acceptances', { params: { query: { ...filters, ...(cursor ? { cursor } : {}) } } })),
  );
}

export type AcceptanceSummary = ReturnType<typeof useAcceptanceList>['items'][number];

/** The list's rows: the URL says what the reader picked ("expiring"), the server is asked what that means. */
export function useAcceptanceRows(search: AcceptancesSearch) {
  return useAcceptanceList({
    ...(search.q ? { q: search.q } : {}),
    ...(search.state ? { state: search.state } : {}),
    ...(search.validity === 'inForce' ? { inForce: 'true' as const } : {}),
    ...(search.validity === 'notInForce' ? { inForce: 'false' as const } : {}),
    ...(search.validity === 'expiring' ? { expiringWithinDays: 30 } : {}),
    ...(search.awaitingMe ? { awaitingMe: 'true' as const } : {}),
  });
}

export function useAcceptance(id: string) {
  return useQuery({
    queryKey: riskAcceptanceKeys.detail(id),
    queryFn: () => unwrap(api.GET('/api/v1/risk-acceptances/{id}', { params: { path: { id } } })),
  });
}

/**
 * Whether an acceptance is in force decides which scenarios are flagged: scenarios (list and detail, which lists
 * its acceptances) and the register's heat maps must follow any change of state, scenarios or expiry.
 */
const refreshScenarios = (queryClient: QueryClient) =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: riskScenarioKeys.all }),
    queryClient.invalidateQueries({ queryKey: riskRegisterKeys.all }),
  ]);

const useAcceptanceMutation = <V>(fn: (variables: V) => Promise<RiskAcceptance>) =>
  useDecisionMutation(riskAcceptanceKeys, fn, refreshScenarios);

export const useCreateAcceptance = () =>
  useAcceptanceMutation((body: CreateAcceptanceBody) => unwrap(api.POST('/api/v1/risk-acceptances', { body })));

export const useUpdateAcceptance = () =>
  useAcceptanceMutation(({ id, ...body }: UpdateAcceptanceBody & { id: string }) =>
    unwrap(api.PATCH('/api/v1/risk-acceptances/{id}', { params: { path: { id } }, body })),
  );

export const useTransitionAcceptance = () =>
  useAcceptanceMutation(({ id, ...body }: { id: string; version: number; to: RiskAcceptanceState; comment?: string }) =>
    unwrap(api.POST('/api/v1/risk-acceptances/{id}/transition', { params: { path: { id } }, body })),
  );

export const useAddScenario = () =>
  useAcceptanceMutation(({ id, riskScenarioId }: { id: string; riskScenarioId: string }) =>
    unwrap(api.POST('/api/v1/risk-acceptances/{id}/scenarios', { params: { path: { id } }, body: { riskScenarioId } })),
  );

export const useRemoveScenario = () =>
  useAcceptanceMutation(({ id, scenarioId }: { id: string; scenarioId: string }) =>
    unwrap(
      api.DELETE('/api/v1/risk-acceptances/{id}/scenarios/{scenarioId}', { params: { path: { id, scenarioId } } }),
    ),
  );

export const useDeleteAcceptance = () =>
  useDeleteDecision(
    riskAcceptanceKeys,
    ({ id, version }) =>
      unwrap(api.DELETE('/api/v1/risk-acceptances/{id}', { params: { path: { id }, query: { version } } })),
    refreshScenarios,
  );

/** Searches risk scenarios by text (name, ref id) for the "cover a scenario" picker. */
export function useScenarioSearch(q: string, enabled = true) {
  return useQuery({
    queryKey: riskScenarioKeys.search(q),
    enabled,
    placeholderData: keepPreviousData,
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/risk-scenarios', { params: { query: { limit: 20, ...(q ? { q } : {}) } } })))
        .items,
  });
}
