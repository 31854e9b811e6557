import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/client.js';
import type { Cursor } from '../../platform/http/pagination.js';
import type { Access } from '../access/index.js';
import type { AuditContext } from '../audit/index.js';
import { createDecisionRecordService } from '../decision-records/index.js';
import type {
  CreateAcceptanceInput,
  ListAcceptancesQuery,
  RiskAcceptanceDto,
  UpdateAcceptanceInput,
} from './contracts.js';
import { riskAcceptanceKind } from './decision-kind.js';

type ListParams = Omit<ListAcceptancesQuery, 'cursor' | 'awaitingMe'> & { awaitingMe?: boolean; cursor: Cursor | null };

/** The decision-record service of risk acceptances, typed with their contracts. */
export function createAcceptanceService(deps: { db: Database; clock: Clock }) {
  const records = createDecisionRecordService(riskAcceptanceKind, deps);
  return {
    // The engine builds the answer from the kind's presenter and link kinds; its shape is the contract's.
    detail: (access: Access, id: string) => records.detail(access, id) as Promise<RiskAcceptanceDto>,
    list: (access: Access, params: ListParams) => records.list(access, params),
    create: (access: Access, audit: AuditContext, input: CreateAcceptanceInput) =>
      records.create(access, audit, input) as Promise<RiskAcceptanceDto>,
    update: (access: Access, audit: AuditContext, id: string, version: number, input: UpdateAcceptanceInput) =>
      records.update(access, audit, id, version, input) as Promise<RiskAcceptanceDto>,
    remove: records.remove,
  };
}

export type AcceptanceService = ReturnType<typeof createAcceptanceService>;
