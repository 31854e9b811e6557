import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/client.js';
import type { Cursor } from '../../platform/http/pagination.js';
import type { Access } from '../access/index.js';
import type { AuditContext } from '../audit/index.js';
import { createDecisionRecordService } from '../decision-records/index.js';
import type {
  CreateExceptionInput,
  ListExceptionsQuery,
  SecurityExceptionDto,
  UpdateExceptionInput,
} from './contracts.js';
import { securityExceptionKind } from './decision-kind.js';

type ListParams = Omit<ListExceptionsQuery, 'cursor'> & { cursor: Cursor | null };

/** The decision-record service of security exceptions, typed with their contracts. */
export function createExceptionService(deps: { db: Database; clock: Clock }) {
  const records = createDecisionRecordService(securityExceptionKind, deps);
  return {
    // The engine builds the answer from the kind's presenter and link kinds; its shape is the contract's.
    detail: (access: Access, id: string) => records.detail(access, id) as Promise<SecurityExceptionDto>,
    list: (access: Access, params: ListParams) => records.list(access, params),
    create: (access: Access, audit: AuditContext, input: CreateExceptionInput) =>
      records.create(access, audit, input) as Promise<SecurityExceptionDto>,
    update: (access: Access, audit: AuditContext, id: string, version: number, input: UpdateExceptionInput) =>
      records.update(access, audit, id, version, input) as Promise<SecurityExceptionDto>,
    remove: records.remove,
  };
}

export type ExceptionService = ReturnType<typeof createExceptionService>;
