import type { paths } from '../../app/api/schema';
import { listSearch, oneOfParam } from '../../app/ui/list/search-params';

export type JobStatus = NonNullable<NonNullable<paths['/api/v1/jobs']['get']['parameters']['query']>['status']>;
export const jobStatuses: readonly JobStatus[] = ['queued', 'running', 'succeeded', 'failed', 'cancelled'];

/** The jobs list's filter, kept in the URL (`/jobs?status=failed`); no status means every job. */
export const validateJobsSearch = listSearch({ status: oneOfParam(jobStatuses) });
