import { z } from 'zod';
import { requireOrgCaller } from '../../platform/auth/caller.js';
import type { ModuleDefinition } from '../../platform/context.js';
import { decodeCursor } from '../../platform/http/pagination.js';
import { createLoginThrottle, setSessionCookie } from '../auth/index.js';
import { findUserById } from '../users/index.js';
import { createAcceptService } from './accept.js';
import {
  acceptBody,
  acceptResponse,
  createInvitationBody,
  invitationIdParams,
  invitationPage,
  invitationSchema,
  listInvitationsQuery,
  lookupQuery,
  lookupResponse,
} from './contracts.js';
import { createInvitationService } from './service.js';

export const invitationsModule: ModuleDefinition = {
  name: 'invitations',
  register(app, { db, clock, config }) {
    const service = createInvitationService({ db, clock, config });
    const acceptance = createAcceptService({ db, clock, config, throttle: createLoginThrottle({ db, clock }) });
    const tags = ['invitations'];

    app.post(
      '/invitations',
      {
        schema: {
          operationId: 'createInvitation',
          tags,
          description:
            'Invites an e-mail address to the organisation with a role on a folder, and e-mails the link (valid 7 ' +
            'days). Needs invitation:create on the folder and every permission of the role there (no escalation).',
          body: createInvitationBody,
          response: { 201: invitationSchema },
        },
      },
      async (request, reply) => {
        const caller = requireOrgCaller(request);
        const inviter = await findUserById(db, caller.userId);
        const created = await service.create(await request.access(), request.audit, {
          ...request.body,
          inviterName: inviter?.displayName ?? caller.email,
        });
        return reply.status(201).send(created);
      },
    );

    app.get(
      '/invitations',
      {
        schema: {
          operationId: 'listInvitations',
          tags,
          description: 'Invitations in folders where the caller may read invitations, newest first.',
          querystring: listInvitationsQuery,
          response: { 200: invitationPage },
        },
      },
      async (request) => {
        const { cursor, ...query } = request.query;
        return service.list(await request.access(), { ...query, cursor: decodeCursor(cursor) });
      },
    );

    app.delete(
      '/invitations/:id',
      {
        schema: {
          operationId: 'revokeInvitation',
          tags,
          description: 'Revokes an invitation that was not accepted yet; its link stops working.',
          params: invitationIdParams,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await service.revoke(await request.access(), request.audit, request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/invitations/lookup',
      {
        schema: {
          operationId: 'lookupInvitation',
          tags,
          description:
            'What an invitation link is for (public: the token is the credential). 404 for an unknown token, 410 ' +
            '`gone` for an accepted, revoked or expired one.',
          security: [],
          querystring: lookupQuery,
          response: { 200: lookupResponse },
        },
      },
      async (request) => acceptance.lookup(request.query.token),
    );

    app.post(
      '/invitations/accept',
      {
        schema: {
          operationId: 'acceptInvitation',
          tags,
          description:
            'Accepts an invitation: a new account chooses a password (and a display name); an existing account ' +
            'must be signed in as the invited e-mail or give its password. Joins the organisation with the role ' +
            'and signs in (session cookie; `totp_required` when the account has two-factor and was not signed in).',
          security: [],
          body: acceptBody,
          response: { 200: acceptResponse },
        },
      },
      async (request, reply) => {
        const { session, ...result } = await acceptance.accept(
          {
            caller: request.caller,
            ip: request.ip,
            userAgent: request.headers['user-agent'] ?? null,
            audit: request.audit,
          },
          request.body,
        );
        if (session) setSessionCookie(request, reply, config, session);
        return result;
      },
    );
  },
};
