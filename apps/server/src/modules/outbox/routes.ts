import type { ModuleDefinition } from '../../platform/context.js';
import { decodeCursor } from '../../platform/http/pagination.js';
import { registerMailDelivery } from '../../platform/mail/delivery.js';
import { createMailer } from '../../platform/mail/mailer.js';
import { listOutboxQuery, outboxEmailIdParams, outboxEmailPage, outboxEmailSchema } from './contracts.js';
import { createOutboxService } from './service.js';

export const outboxModule: ModuleDefinition = {
  name: 'outbox',
  register(app, { db, config, clock, jobs }) {
    const mailer = createMailer(config);
    registerMailDelivery({ jobs, db, mailer, clock });
    if (mailer) app.addHook('onClose', async () => mailer.close());

    const service = createOutboxService({ db });
    const tags = ['outbox'];

    app.get(
      '/outbox-emails',
      {
        schema: {
          operationId: 'listOutboxEmails',
          tags,
          description:
            'E-mails the organisation sent or holds, newest first. Without SMTP they stay here as `stored`. ' +
            'Needs outbox_email:read on the root folder (owners).',
          querystring: listOutboxQuery,
          response: { 200: outboxEmailPage },
        },
      },
      async (request) => {
        const { cursor, ...query } = request.query;
        return service.list(await request.access(), { ...query, cursor: decodeCursor(cursor) });
      },
    );

    app.get(
      '/outbox-emails/:id',
      {
        schema: {
          operationId: 'getOutboxEmail',
          tags,
          description: 'One e-mail with its full text (to read an invitation link when SMTP is off).',
          params: outboxEmailIdParams,
          response: { 200: outboxEmailSchema },
        },
      },
      async (request) => {
        return service.get(await request.access(), request.params.id);
      },
    );
  },
};
