import multipart from '@fastify/multipart';
import { requireOrgCaller } from '../../platform/auth/caller.js';
import type { Config } from '../../platform/config.js';
import type { TypedApp } from '../../platform/context.js';
import type { Database } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import type { FileStorage, StoredFile } from '../../platform/storage/file-storage.js';
import {
  evidenceIdParams,
  fileRevisionFields,
  linkRevisionBody,
  revisionList,
  revisionParams,
  revisionSchema,
} from './contracts.js';
import { createRevisionService } from './revisions-service.js';

const MAX_FIELDS = 3;

/** `attachment` with an ASCII fallback name and the exact UTF-8 name (RFC 6266 / 5987). */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_') || 'file';
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

function invalidFields(issues: { path: PropertyKey[]; message: string }[]) {
  return new AppError(
    'validation_failed',
    'The request is not valid',
    issues.map((i) => ({ field: ['body', ...i.path.map(String)].join('.'), message: i.message })),
  );
}

/** The multipart parser (busboy) throws plain errors for a malformed body: a 400, not a 500. */
function unreadableBody(error: unknown): unknown {
  if (error instanceof AppError || (error as { statusCode?: number }).statusCode) return error;
  const message = error instanceof Error ? error.message : '';
  if (!/multipart|boundary|unexpected end|malformed|part/i.test(message)) return error;
  return new AppError('bad_request', `The multipart body cannot be read: ${message.slice(0, 200)}`);
}

/**
 * Revisions of a piece of evidence. `POST` takes either multipart/form-data (`file`, optional `note`) for a file
 * revision or JSON `{url, note}` for a link revision; the body is parsed by hand because one schema cannot
 * describe both. Multipart is registered in this scope only.
 */
export async function registerRevisionRoutes(
  app: TypedApp,
  deps: { db: Database; config: Config; storage: FileStorage },
) {
  const { db, config, storage } = deps;
  const revisions = createRevisionService({ db, storage });
  const tags = ['evidence'];

  await app.register(async (scope: TypedApp) => {
    await scope.register(multipart, {
      limits: { fileSize: config.maxUploadBytes, files: 1, fields: MAX_FIELDS, fieldSize: 2000, parts: MAX_FIELDS + 1 },
    });

    scope.post(
      '/evidence/:id/revisions',
      {
        schema: {
          operationId: 'addEvidenceRevision',
          tags,
          description:
            'Adds a revision (needs evidence:update). multipart/form-data with `file` (PDF, images, office ' +
            'documents, text, CSV, JSON, XML, ZIP; checked against its declared type) and optional `note` stores ' +
            'a file revision; application/json `{url, note}` (http/https) records a link revision. Revisions are ' +
            'immutable. New content bumps the evidence version (a decision taken on what was seen before answers ' +
            '409) and moves missing, approved or rejected evidence to draft.',
          consumes: ['multipart/form-data', 'application/json'],
          params: evidenceIdParams,
          response: { 201: revisionSchema },
        },
      },
      async (request, reply) => {
        const caller = requireOrgCaller(request);
        const access = await request.access();
        const audit = request.audit;
        const evidenceId = request.params.id;
        await revisions.requireCanAdd(access, evidenceId);

        if (!request.isMultipart()) {
          const parsed = linkRevisionBody.safeParse(request.body ?? {});
          if (!parsed.success) throw invalidFields(parsed.error.issues);
          const created = await revisions.add(access, audit, evidenceId, { kind: 'link', ...parsed.data });
          return reply.status(201).send(created);
        }

        const fields: Record<string, string> = {};
        let stored: StoredFile | null = null;
        try {
          for await (const part of request.parts()) {
            if (part.type === 'file') {
              if (part.fieldname !== 'file' || stored) {
                part.file.resume();
                throw invalidFields([{ path: [part.fieldname], message: 'Send one file, in the field `file`' }]);
              }
              stored = await storage.put(part.file, {
                organizationId: caller.organizationId,
                originalName: part.filename || 'evidence',
                contentType: part.mimetype || 'application/octet-stream',
                maxBytes: config.maxUploadBytes,
                createdBy: caller.userId,
              });
            } else if (typeof part.value === 'string') {
              fields[part.fieldname] = part.value;
            }
          }
        } catch (error) {
          if (stored) await storage.delete(caller.organizationId, stored.id).catch(() => {});
          throw unreadableBody(error);
        }
        const parsed = fileRevisionFields.safeParse(fields);
        if (!stored || !parsed.success) {
          if (stored) await storage.delete(caller.organizationId, stored.id);
          throw parsed.success
            ? invalidFields([{ path: ['file'], message: 'A file is required' }])
            : invalidFields(parsed.error.issues);
        }
        try {
          const created = await revisions.add(access, audit, evidenceId, {
            kind: 'file',
            file: stored,
            ...parsed.data,
          });
          return reply.status(201).send(created);
        } catch (error) {
          await storage.delete(caller.organizationId, stored.id).catch(() => {});
          throw error;
        }
      },
    );
  });

  app.get(
    '/evidence/:id/revisions',
    {
      schema: {
        operationId: 'listEvidenceRevisions',
        tags,
        description: 'Every revision of the evidence, newest first.',
        params: evidenceIdParams,
        response: { 200: revisionList },
      },
    },
    async (request) => {
      return { items: await revisions.list(await request.access(), request.params.id) };
    },
  );

  app.get(
    '/evidence/:id/revisions/:number/content',
    {
      schema: {
        operationId: 'downloadEvidenceRevision',
        tags,
        description:
          'Downloads the file of a file revision as an attachment, with its recorded type and name (the ETag is ' +
          'its SHA-256). A link revision has no stored content and answers 409: open its `url`.',
        params: revisionParams,
        produces: ['application/octet-stream'],
      },
    },
    async (request, reply) => {
      const { revision, file, stream } = await revisions.content(
        await request.access(),
        request.params.id,
        request.params.number,
      );
      return reply
        .header('content-type', file.contentType)
        .header('content-length', String(file.size))
        .header('content-disposition', contentDisposition(revision.fileName ?? file.originalName))
        .header('x-content-type-options', 'nosniff')
        .header('etag', `"${file.sha256}"`)
        .header('cache-control', 'private, no-store')
        .send(stream);
    },
  );
}
