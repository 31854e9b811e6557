import multipart from '@fastify/multipart';
import { and, eq } from 'drizzle-orm';
import { requireOrgCaller } from '../../../platform/auth/caller.js';
import type { AppContext, TypedApp } from '../../../platform/context.js';
import { AppError } from '../../../platform/errors.js';
import { decodeCursor, keysetAfter, keysetOrder, toPage } from '../../../platform/http/pagination.js';
import { jobRuns } from '../../../platform/jobs/tables.js';
import { createLocalFileStorage, type StoredFile } from '../../../platform/storage/file-storage.js';
import { findRootFolder } from '../../folders/index.js';
import { LIBRARY_IMPORT_JOB, requireFrameworkRead } from '../service.js';
import { importAccepted, importFields, importRunPage, listImportsQuery } from './contracts.js';
import { type LibraryImportPayload, registerLibraryImportJob } from './job.js';

const MAX_FIELDS = 5;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The multipart parser (busboy) throws plain errors for a malformed body (no boundary, cut off): a 400. */
function unreadableBody(error: unknown): unknown {
  if (error instanceof AppError || (error as { statusCode?: number }).statusCode) return error;
  const message = error instanceof Error ? error.message : '';
  if (!/multipart|boundary|unexpected end|malformed|part/i.test(message)) return error;
  return new AppError('bad_request', `The multipart body cannot be read: ${message.slice(0, 200)}`);
}

/**
 * `POST /library/imports` stores the uploaded file and queues a `library.import` run (202); the run's progress
 * and result are read at `GET /jobs/{id}` or in the list here. Multipart is registered in this scope only.
 */
export async function registerLibraryImports(app: TypedApp, ctx: AppContext) {
  const { db, config, jobs } = ctx;
  const storage = createLocalFileStorage({ dataDir: config.dataDir, db });
  registerLibraryImportJob({ jobs, db, storage, progressDuringWrite: ctx.database.kind === 'postgres' });
  const tags = ['library'];

  await app.register(async (scope: TypedApp) => {
    await scope.register(multipart, {
      limits: { fileSize: config.maxUploadBytes, files: 1, fields: MAX_FIELDS, fieldSize: 1000, parts: MAX_FIELDS + 1 },
    });

    scope.post(
      '/library/imports',
      {
        schema: {
          operationId: 'importLibraryFile',
          tags,
          description:
            'Uploads a library file (multipart/form-data: `file`, `format` = oscal_catalog | oscal_profile | ' +
            'ciso_assistant | rampart | owasp_asvs | framework_xlsx (the framework template) | auto, and for a profile optionally `frameworkId`) and imports it in the ' +
            'background. Answers 202 with the job to poll at GET /jobs/{id}. The same file sent again returns ' +
            'the earlier run. Needs framework:create on the root folder.',
          consumes: ['multipart/form-data'],
          response: { 202: importAccepted },
        },
      },
      async (request, reply) => {
        const caller = requireOrgCaller(request);
        const access = await request.access();
        access.requireAtRoot('framework:create');
        if (!request.isMultipart()) {
          throw new AppError('unsupported_media_type', 'Send the file as multipart/form-data');
        }
        const root = await findRootFolder(db, caller.organizationId);
        if (!root) throw new AppError('not_found', 'Organisation not found');
        const fields: Record<string, string> = {};
        let stored: StoredFile | null = null;
        try {
          for await (const part of request.parts()) {
            if (part.type === 'file') {
              if (part.fieldname !== 'file' || stored) {
                part.file.resume();
                throw new AppError('validation_failed', 'The request is not valid', [
                  { field: `body.${part.fieldname}`, message: 'Send one file, in the field `file`' },
                ]);
              }
              const json = /\.json$/i.test(part.filename) || /json/.test(part.mimetype);
              // The framework template is a workbook: stored as one, so its bytes are checked as a ZIP.
              const workbook = /\.xlsx$/i.test(part.filename) || part.mimetype === XLSX_TYPE;
              stored = await storage.put(part.file, {
                organizationId: caller.organizationId,
                originalName: part.filename || 'library',
                contentType: workbook ? XLSX_TYPE : json ? 'application/json' : 'text/plain',
                maxBytes: config.maxUploadBytes,
                createdBy: caller.userId,
              });
            } else if (typeof part.value === 'string') {
              fields[part.fieldname] = part.value;
            }
          }
        } catch (error) {
          throw unreadableBody(error);
        }
        const parsed = importFields.safeParse(fields);
        if (!stored || !parsed.success) {
          if (stored) await storage.delete(caller.organizationId, stored.id);
          const errors = parsed.success
            ? [{ field: 'body.file', message: 'A file is required' }]
            : parsed.error.issues.map((i) => ({ field: ['body', ...i.path].join('.'), message: i.message }));
          throw new AppError('validation_failed', 'The request is not valid', errors);
        }
        const { format, frameworkId } = parsed.data;
        const payload: LibraryImportPayload = {
          fileId: stored.id,
          fileName: stored.originalName,
          format,
          frameworkId: frameworkId ?? null,
          folderId: root.id,
          audit: request.audit,
        };
        const run = await jobs.enqueue(LIBRARY_IMPORT_JOB, payload, {
          organizationId: caller.organizationId,
          folderId: root.id,
          createdBy: caller.userId,
          idempotencyKey: `${format}:${frameworkId ?? '-'}:${stored.sha256}`,
        });
        // The same file again: the earlier run stands, and this upload's copy is not needed.
        if (!run.created) await storage.delete(caller.organizationId, stored.id);
        return reply.status(202).send({ jobId: run.id, created: run.created });
      },
    );
  });

  app.get(
    '/library/imports',
    {
      schema: {
        operationId: 'listLibraryImports',
        tags,
        description:
          'Library import runs of the organisation, newest first, with progress, result or located errors. ' +
          'Callers without framework:read on the root folder see only their own runs.',
        querystring: listImportsQuery,
        response: { 200: importRunPage },
      },
    },
    async (request) => {
      const caller = requireOrgCaller(request);
      const access = await request.access();
      requireFrameworkRead(access);
      const cursor = decodeCursor(request.query.cursor);
      const limit = request.query.limit;
      const rows = await db
        .select()
        .from(jobRuns)
        .where(
          and(
            eq(jobRuns.organizationId, caller.organizationId),
            eq(jobRuns.type, LIBRARY_IMPORT_JOB),
            access.canAtRoot('framework:read') ? undefined : eq(jobRuns.createdBy, caller.userId),
            keysetAfter(jobRuns.createdAt, jobRuns.id, true, cursor),
          ),
        )
        .orderBy(...keysetOrder(jobRuns.createdAt, jobRuns.id, true))
        .limit(limit + 1);
      const page = toPage(rows, limit, (r) => r.createdAt);
      return {
        items: page.items.map((r) => ({
          id: r.id,
          status: r.status,
          progress: r.progress,
          message: r.message,
          fileName: typeof r.input?.fileName === 'string' ? r.input.fileName : null,
          format: typeof r.input?.format === 'string' ? r.input.format : null,
          result: r.result ?? null,
          error: r.error,
          createdBy: r.createdBy,
          createdAt: r.createdAt,
          finishedAt: r.finishedAt,
        })),
        nextCursor: page.nextCursor,
      };
    },
  );
}
