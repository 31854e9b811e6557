import { requireOrgCaller } from '../../platform/auth/caller.js';
import type { Clock } from '../../platform/clock.js';
import type { TypedApp } from '../../platform/context.js';
import type { Database } from '../../platform/db/client.js';
import { expectedVersion } from '../../platform/http/versioning.js';
import { type Access, accessFor } from '../access/index.js';
import { auditContextOf } from '../audit/index.js';
import { createDecisionTransitions } from '../decision-records/index.js';
import { acceptanceIdParams, type RiskAcceptanceDto, riskAcceptanceSchema, transitionBody } from './contracts.js';
import { riskAcceptanceKind } from './decision-kind.js';

export function registerAcceptanceTransitionRoute(
  app: TypedApp,
  deps: { db: Database; clock: Clock; detail: (access: Access, id: string) => Promise<RiskAcceptanceDto> },
) {
  const { db, detail } = deps;
  const transition = createDecisionTransitions(riskAcceptanceKind, deps);

  app.post(
    '/risk-acceptances/:id/transition',
    {
      schema: {
        operationId: 'transitionRiskAcceptance',
        tags: ['risk-acceptances'],
        description:
          'Moves the acceptance through its lifecycle: created → submitted (risk_acceptance:update; needs an ' +
          'approver, a future expiry date, a justification and a scenario, else 400 naming each), submitted → ' +
          'created (withdraw, risk_acceptance:update), submitted → accepted | rejected (only the named approver), ' +
          'accepted → revoked (the approver or risk_acceptance:approve). Another step answers 409 ' +
          '`invalid_transition`; the wrong person 403; a stale version 409. `comment` goes to the audit trail.',
        params: acceptanceIdParams,
        body: transitionBody,
        response: { 200: riskAcceptanceSchema },
      },
    },
    async (request) => {
      const access = await accessFor(db, requireOrgCaller(request));
      const { to, comment, version } = request.body;
      const id = request.params.id;
      await transition(access, auditContextOf(request), id, expectedVersion(request, version), to, comment);
      return detail(access, id);
    },
  );
}
