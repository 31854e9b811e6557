import { z } from 'zod';
import type { AppContext, TypedApp } from '../../platform/context.js';
import { changePasswordBody, resetConfirmBody, resetRequestBody } from './contracts.js';
import { createPasswordService } from './password-service.js';
import { clearSessionCookie, requireSessionCaller } from './sessions.js';
import type { LoginThrottle } from './throttle.js';

/** Password change, password reset by e-mail, and signing out of every session. */
export function registerPasswordRoutes(
  app: TypedApp,
  deps: Pick<AppContext, 'db' | 'clock' | 'config'> & { throttle: LoginThrottle },
) {
  const service = createPasswordService(deps);
  const tags = ['auth'];

  app.post(
    '/auth/password',
    {
      schema: {
        operationId: 'changePassword',
        tags,
        description:
          'Changes the password (12–200 characters, not the e-mail address). Every other session of the user ' +
          'ends; this one stays. A wrong current password counts toward the sign-in throttle.',
        body: changePasswordBody,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const caller = requireSessionCaller(request);
      await service.change(
        { userId: caller.userId, sessionId: caller.sessionId, ip: request.ip, audit: request.audit },
        request.body,
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/auth/password-reset/request',
    {
      schema: {
        operationId: 'requestPasswordReset',
        tags,
        description:
          'E-mails a one-time link (valid one hour) to reset the password. Always answers 202, whether or not ' +
          'the address has an account.',
        security: [],
        body: resetRequestBody,
        response: { 202: z.null() },
      },
    },
    async (request, reply) => {
      await service.requestReset(request.audit, request.body.email);
      return reply.status(202).send(null);
    },
  );

  app.post(
    '/auth/password-reset/confirm',
    {
      schema: {
        operationId: 'confirmPasswordReset',
        tags,
        description:
          'Sets a new password with the token from the e-mailed link and ends every session of the account. ' +
          'A used, expired or unknown token answers 410 `gone`.',
        security: [],
        body: resetConfirmBody,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await service.confirmReset(request.audit, request.body);
      clearSessionCookie(reply);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/auth/logout-everywhere',
    {
      schema: {
        operationId: 'logoutEverywhere',
        tags,
        description: 'Ends every session of the user, this one included (API tokens stay; revoke them separately).',
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const caller = requireSessionCaller(request);
      await service.logoutEverywhere({ userId: caller.userId, audit: request.audit });
      clearSessionCookie(reply);
      return reply.status(204).send(null);
    },
  );
}
