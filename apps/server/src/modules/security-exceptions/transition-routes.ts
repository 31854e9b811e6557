import { requireOrgCaller } from '../../platform/auth/caller.js';
import type { Clock } from '../../platform/clock.js';
import type { TypedApp } from '../../platform/context.js';
import type { Database } from '../../platform/db/client.js';
import { expectedVersion } from '../../platform/http/versioning.js';
import { type Access, accessFor } from '../access/index.js';
import { auditContextOf } from '../audit/index.js';
import { createDecisionTransitions } from '../decision-records/index.js';
import { exceptionIdParams, type SecurityExceptionDto, securityExceptionSchema, transitionBody } from './contracts.js';
import { securityExceptionKind } from './decision-kind.js';

export function registerExceptionTransitionRoute(
  app: TypedApp,
  deps: { db: Database; clock: Clock; detail: (access: Access, id: string) => Promise<SecurityExceptionDto> },
) {
  const { db, detail } = deps;
  const transition = createDecisionTransitions(securityExceptionKind, deps);

  app.post(
    '/security-exceptions/:id/transition',
    {
      schema: {
        operationId: 'transitionSecurityException',
        tags: ['security-exceptions'],
        description:
          'Moves the exception through its lifecycle: draft → in_review and expired → in_review (renewal) with ' +
          'security_exception:update (needs a justification and a future expiry date, else 400 naming each; ' +
          'the named approver re-checked); in_review → draft (withdraw, security_exception:update: to change the ' +
          'exception or its approver); in_review → approved | rejected by the named approver only, holding ' +
          'security_exception:approve in the folder, or anyone holding it when none is named; approved → ' +
          'resolved (security_exception:update or the owner); rejected → draft (security_exception:update; ' +
          'clears the decision). approved → expired is the expiry task’s alone. Another step answers 409 ' +
          '`invalid_transition`; the wrong person 403; a stale version 409. `comment` goes to the audit trail.',
        params: exceptionIdParams,
        body: transitionBody,
        response: { 200: securityExceptionSchema },
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
