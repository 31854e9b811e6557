import multipart from '@fastify/multipart';
import type { AppContext, TypedApp } from '../../../platform/context.js';
import { AppError, invalid } from '../../../platform/errors.js';
import { assessmentIdParams } from '../export-routes.js';
import { importQuery, importResultSchema } from './contracts.js';
import { createImportService } from './service.js';

/** The multipart parser (busboy) throws plain errors for a malformed body: a 400, like the library import. */
function unreadableBody(error: unknown): unknown {
  if (error instanceof AppError || (error as { statusCode?: number }).statusCode) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      return new AppError('payload_too_large', 'The file is larger than the upload limit');
    }
    return error;
  }
  const message = error instanceof Error ? error.message : '';
  if (!/multipart|boundary|unexpected end|malformed|part/i.test(message)) return error;
  return new AppError('bad_request', `The multipart body cannot be read: ${message.slice(0, 200)}`);
}

/** `POST /compliance-assessments/{id}/import`: a filled-in XLSX or CSV export, applied all-or-nothing. */
export async function registerImportRoutes(app: TypedApp, ctx: AppContext) {
  const { db, config, clock } = ctx;
  const service = createImportService({ db, clock });

  await app.register(async (scope: TypedApp) => {
    await scope.register(multipart, {
      limits: { fileSize: config.maxUploadBytes, files: 1, fields: 2, fieldSize: 100, parts: 3 },
    });
    scope.post(
      '/compliance-assessments/:id/import',
      {
        schema: {
          operationId: 'importAssessmentFile',
          tags: ['compliance-assessments'],
          description:
            'Imports a filled-in XLSX or CSV export (multipart/form-data, field `file`). Rows are matched by ' +
            'requirement URN; status, result, score, observation and the linked applied controls (by ref id or ' +
            'name) and evidence (by name) are set as the file says; a column left out is not changed. All rows ' +
            'or none: any problem answers 400 with every problem located (sheet, row, column). A row the file ' +
            'would change whose "Updated at" differs from the stored one (edited in Rampart after the export) ' +
            'answers 409, located the same way, unless `overwrite=true`; files without that column are not ' +
            'checked. A score is refused when the framework has no scoring scale. A locked assessment answers ' +
            '409. `dryRun=true` answers what would change without changing it. Needs ' +
            'compliance_assessment:update.',
          consumes: ['multipart/form-data'],
          params: assessmentIdParams,
          querystring: importQuery,
          response: { 200: importResultSchema },
        },
      },
      async (request) => {
        const access = await request.access();
        if (!request.isMultipart()) {
          throw new AppError('unsupported_media_type', 'Send the file as multipart/form-data');
        }
        let file: { name: string; data: Buffer } | null = null;
        try {
          for await (const part of request.parts()) {
            if (part.type !== 'file') continue;
            if (part.fieldname !== 'file') {
              part.file.resume();
              throw invalid(`body.${part.fieldname}`, 'Send the file in the field `file`');
            }
            file = { name: part.filename || 'upload', data: await part.toBuffer() };
          }
        } catch (error) {
          throw unreadableBody(error);
        }
        if (!file || file.data.length === 0) throw invalid('body.file', 'A non-empty file is required');
        return service.importFile(access, request.audit, request.params.id, file, {
          dryRun: request.query.dryRun === 'true',
          overwrite: request.query.overwrite === 'true',
        });
      },
    );
  });
}
