import { z } from 'zod';
import type { AppContext, TypedApp } from '../../platform/context.js';
import type { auditContextOf } from '../audit/index.js';
import { recoveryCodesResponse, totpCodeBody, totpDisableBody, totpEnrollResponse } from './contracts.js';
import { requireSessionCaller } from './sessions.js';
import type { LoginThrottle } from './throttle.js';
import { createTotpService } from './totp-service.js';

/** Two-factor management for the signed-in user. The sign-in step itself lives in login.ts. */
export function registerTotpRoutes(
  app: TypedApp,
  deps: Pick<AppContext, 'db' | 'clock'> & { throttle: LoginThrottle },
) {
  const service = createTotpService(deps);
  const tags = ['auth'];
  const actorOf = (request: Parameters<typeof auditContextOf>[0]) => ({
    userId: requireSessionCaller(request).userId,
    ip: request.ip,
    audit: request.audit,
  });

  app.post(
    '/auth/totp/enroll',
    {
      schema: {
        operationId: 'enrollTotp',
        tags,
        description:
          'Starts TOTP enrolment: a new secret, its otpauth URI and a QR code. Nothing changes for sign-in until ' +
          '`POST /auth/totp/confirm` proves the app produces codes. Enrolling again replaces an unconfirmed secret.',
        response: { 200: totpEnrollResponse },
      },
    },
    async (request) => service.enroll(actorOf(request)),
  );

  app.post(
    '/auth/totp/confirm',
    {
      schema: {
        operationId: 'confirmTotp',
        tags,
        description: 'Turns TOTP on with a first code and returns ten one-time recovery codes (shown only now).',
        body: totpCodeBody,
        response: { 200: recoveryCodesResponse },
      },
    },
    async (request) => service.confirm(actorOf(request), request.body.code),
  );

  app.post(
    '/auth/totp/disable',
    {
      schema: {
        operationId: 'disableTotp',
        tags,
        description: 'Turns TOTP off; needs the password and a current code. Recovery codes are deleted.',
        body: totpDisableBody,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await service.disable(actorOf(request), request.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/auth/totp/recovery-codes',
    {
      schema: {
        operationId: 'regenerateRecoveryCodes',
        tags,
        description: 'Replaces all recovery codes by ten new ones (the old ones stop working); needs a current code.',
        body: totpCodeBody,
        response: { 200: recoveryCodesResponse },
      },
    },
    async (request) => service.regenerateRecoveryCodes(actorOf(request), request.body.code),
  );
}
