import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../app/api/client';
import type { paths } from '../../app/api/schema';
import { usePaged } from '../../app/api/use-paged';
import { riskAssessmentKeys, riskScenarioKeys } from '../risk-assessments/keys';
import { riskMatrixKeys } from '../risk-matrices/keys';
import { riskRegisterKeys } from './keys';
import type { RegisterSearch } from './search';

export type HeatMap =
  paths['/api/v1/risk-assessments/{id}/heat-map']['get']['responses'][200]['content']['application/json'];
export type TreatmentPlan =
  paths['/api/v1/risk-assessments/{id}/treatment-plan']['get']['responses'][200]['content']['application/json'];
export type MatrixDefinition = HeatMap['matrix']['definition'];
export type RiskScenarioSummary =
  paths['/api/v1/risk-scenarios']['get']['responses'][200]['content']['application/json']['items'][number];
export type SavedFilter =
  paths['/api/v1/risk-register-filters']['get']['responses'][200]['content']['application/json']['items'][number];

export function useHeatMap(riskAssessmentId: string) {
  return useQuery({
    queryKey: riskRegisterKeys.heatMap(riskAssessmentId),
    queryFn: () =>
      unwrap(api.GET('/api/v1/risk-assessments/{id}/heat-map', { params: { path: { id: riskAssessmentId } } })),
  });
}

export function useTreatmentPlan(riskAssessmentId: string) {
  return useQuery({
    queryKey: riskRegisterKeys.treatmentPlan(riskAssessmentId),
    queryFn: () =>
      unwrap(api.GET('/api/v1/risk-assessments/{id}/treatment-plan', { params: { path: { id: riskAssessmentId } } })),
  });
}

/** One page at a time of the register, filtered and sorted as the URL says. */
export function useRiskScenarios(search: RegisterSearch) {
  return usePaged(riskScenarioKeys.list(search), (cursor) =>
    unwrap(api.GET('/api/v1/risk-scenarios', { params: { query: { ...search, ...(cursor ? { cursor } : {}) } } })),
  );
}

/**
 * The definitions of the matrices the listed scenarios are rated on: the list of matrices once, then any matrix
 * version it does not hold (an older revision an assessment still uses) one by one.
 */
export function useMatrixDefinitions(matrixIds: string[]) {
  const list = useQuery({
    queryKey: riskMatrixKeys.definitions(),
    queryFn: () => unwrap(api.GET('/api/v1/risk-matrices', { params: { query: { limit: 200 } } })),
    staleTime: 60_000,
  });
  const listed = new Map<string, MatrixDefinition>((list.data?.items ?? []).map((m) => [m.id, m.definition]));
  const missing = list.data ? [...new Set(matrixIds)].filter((id) => !listed.has(id)) : [];
  const extra = useQueries({
    queries: missing.map((id) => ({
      queryKey: riskMatrixKeys.detail(id),
      queryFn: () => unwrap(api.GET('/api/v1/risk-matrices/{id}', { params: { path: { id } } })),
      staleTime: 60_000,
    })),
  });
  for (const query of extra) if (query.data) listed.set(query.data.id, query.data.definition);
  return listed;
}

export function useSavedFilters() {
  return useQuery({
    queryKey: riskRegisterKeys.savedFilters(),
    queryFn: () => unwrap(api.GET('/api/v1/risk-register-filters')),
  });
}

export function useSaveFilter() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; query: string }) => unwrap(api.POST('/api/v1/risk-register-filters', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: riskRegisterKeys.savedFilters() }),
  });
}

export function useDeleteFilter() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/risk-register-filters/{id}', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: riskRegisterKeys.savedFilters() }),
  });
}

/** Assessments for the register's assessment filter (the first 200 by name). */
export function useAssessmentOptions() {
  return useQuery({
    queryKey: riskAssessmentKeys.options(),
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/risk-assessments', { params: { query: { limit: 200 } } }))).items,
    staleTime: 60_000,
  });
}
