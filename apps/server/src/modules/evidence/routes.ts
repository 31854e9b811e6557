import { z } from 'zod';
import { requireOrgCaller } from '../../platform/auth/caller.js';
import type { ModuleDefinition } from '../../platform/context.js';
import { decodeCursor } from '../../platform/http/pagination.js';
import { expectedVersion } from '../../platform/http/versioning.js';
import { createLocalFileStorage } from '../../platform/storage/file-storage.js';
import {
  createEvidenceBody,
  deleteQuery,
  evidenceIdParams,
  evidencePage,
  evidenceSchema,
  listEvidenceQuery,
  statusChangeBody,
  updateEvidenceBody,
} from './contracts.js';
import { folderContentsAnswers } from './folder-usage.js';
import { createExpirySweep } from './reminders.js';
import { registerRevisionRoutes } from './revision-routes.js';
import { createEvidenceService } from './service.js';

/** Expiry is a matter of days; a quarter-hour pass keeps reminders timely at the cost of one indexed query. */
const EXPIRY_SWEEP_INTERVAL_MS = 15 * 60_000;

export const evidenceModule: ModuleDefinition = {
  name: 'evidence',
  answers: folderContentsAnswers,
  async register(app, { db, clock, config, jobs, log, usage }) {
    const service = createEvidenceService({ db, clock, usage });
    const storage = createLocalFileStorage({ dataDir: config.dataDir, db });
    const sweep = createExpirySweep({ db, clock, publicUrl: config.publicUrl });
    jobs.addWorkerTask({
      name: 'evidence.expiry',
      intervalMs: EXPIRY_SWEEP_INTERVAL_MS,
      async run() {
        const result = await sweep();
        if (result.expired + result.reminded > 0) log.info(result, 'evidence expiry sweep');
      },
    });
    const tags = ['evidence'];

    app.get(
      '/evidence',
      {
        schema: {
          operationId: 'listEvidence',
          tags,
          description:
            'Evidence in the folders the caller may read, one page at a time. `expiring=N`: valid until a date ' +
            'within N days from today; `expired=true`: the validity date has passed.',
          querystring: listEvidenceQuery,
          response: { 200: evidencePage },
        },
      },
      async (request) => {
        const { cursor, ...query } = request.query;
        return service.list(await request.access(), { ...query, cursor: decodeCursor(cursor) });
      },
    );

    app.get(
      '/evidence/:id',
      {
        schema: {
          operationId: 'getEvidence',
          tags,
          description: 'One piece of evidence, with the status changes the caller may make.',
          params: evidenceIdParams,
          response: { 200: evidenceSchema },
        },
      },
      async (request) => {
        return service.get(await request.access(), request.params.id);
      },
    );

    app.post(
      '/evidence',
      {
        schema: {
          operationId: 'createEvidence',
          tags,
          description: 'Creates evidence in `folderId` (needs evidence:create there); its content comes as revisions.',
          body: createEvidenceBody,
          response: { 201: evidenceSchema },
        },
      },
      async (request, reply) => {
        const created = await service.create(await request.access(), request.audit, request.body);
        return reply.status(201).send(created);
      },
    );

    app.patch(
      '/evidence/:id',
      {
        schema: {
          operationId: 'updateEvidence',
          tags,
          description:
            'Changes fields of the evidence (not its status: POST …/status). Send the version you loaded ' +
            '(If-Match or `version`); a stale one answers 409.',
          params: evidenceIdParams,
          body: updateEvidenceBody,
          response: { 200: evidenceSchema },
        },
      },
      async (request) => {
        const { version, ...changes } = request.body;
        return service.update(
          await request.access(),
          request.audit,
          request.params.id,
          expectedVersion(request, version),
          changes,
        );
      },
    );

    app.post(
      '/evidence/:id/status',
      {
        schema: {
          operationId: 'changeEvidenceStatus',
          tags,
          description:
            'Moves the evidence through its lifecycle: missing/draft → in_review (evidence:update or ' +
            'evidence:review) → approved/rejected (evidence:approve); back to draft or missing needs ' +
            'evidence:update; `expired` is set by the expiry sweep only. A step outside the lifecycle answers 409.',
          params: evidenceIdParams,
          body: statusChangeBody,
          response: { 200: evidenceSchema },
        },
      },
      async (request) => {
        return service.changeStatus(
          await request.access(),
          request.audit,
          request.params.id,
          expectedVersion(request, request.body.version),
          request.body.status,
        );
      },
    );

    app.delete(
      '/evidence/:id',
      {
        schema: {
          operationId: 'deleteEvidence',
          tags,
          description:
            'Deletes the evidence, its revisions and their stored files, and detaches it everywhere. Answers 409 ' +
            'while a locked (done or deprecated) assessment cites it, or when the version is stale.',
          params: evidenceIdParams,
          querystring: deleteQuery,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        const caller = requireOrgCaller(request);
        const fileIds = await service.remove(
          await request.access(),
          request.audit,
          request.params.id,
          expectedVersion(request, request.query.version),
        );
        // After commit: the rows are gone, so the blobs are unreferenced (shared content stays for its other users).
        for (const fileId of fileIds) await storage.delete(caller.organizationId, fileId).catch(() => {});
        return reply.status(204).send(null);
      },
    );

    await registerRevisionRoutes(app, { db, config, storage });
  },
};
