import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../app/api/client';
import type { paths } from '../../app/api/schema';
import { coverageKeys, dashboardKeys } from './keys';

type Json<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  responses: { 200: { content: { 'application/json': infer R } } };
}
  ? R
  : never;

export type Dashboard = Json<'/api/v1/compliance/dashboard', 'get'>;
export type Coverage = Json<'/api/v1/frameworks/{id}/coverage', 'get'>;
export type CoverageRow = Coverage['requirements'][number];
export type ControlStatus = keyof Dashboard['controlsByStatus'];

/** One colour per applied control status, shared by the dashboard and the coverage page. */
export const controlStatusColor: Record<ControlStatus, string> = {
  to_do: 'gray',
  in_progress: 'blue',
  on_hold: 'orange',
  active: 'green',
  degraded: 'yellow',
  deprecated: 'dark',
};

export function useDashboard(folderId: string | null) {
  return useQuery({
    queryKey: dashboardKeys.forFolder(folderId),
    queryFn: () => unwrap(api.GET('/api/v1/compliance/dashboard', { params: { query: folderId ? { folderId } : {} } })),
  });
}

export function useCoverage(frameworkId: string, folderId: string | null) {
  return useQuery({
    queryKey: coverageKeys.framework(frameworkId, folderId),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/frameworks/{id}/coverage', {
          params: { path: { id: frameworkId }, query: folderId ? { folderId } : {} },
        }),
      ),
  });
}
