import multipart from '@fastify/multipart';
import type { AppContext, TypedApp } from '../../../platform/context.js';
import { AppError, invalid } from '../../../platform/errors.js';
import { riskAssessmentIdParams } from '../export-routes.js';
import { importQuery, importResultSchema } from './contracts.js';
import { createImportService } from './service.js';

/** Busboy throws plain errors for a malformed multipart body: those are the client's, a 400 (413 when too big). */
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

/** `POST /risk-assessments/{id}/import`: a "Scenarios" sheet, applied all-or-nothing (or checked with dryRun). */
export async function registerImportRoute(app: TypedApp, ctx: AppContext) {
  const { db, config, clock } = ctx;
  const service = createImportService({ db, clock });
  await app.register(async (scope: TypedApp) => {
    await scope.register(multipart, {
      limits: { fileSize: config.maxUploadBytes, files: 1, fields: 2, fieldSize: 100, parts: 3 },
    });
    scope.post(
      '/risk-assessments/:id/import',
      {
        schema: {
          operationId: 'importRiskRegister',
          tags: ['risk-exports'],
          description:
            'Imports a register from an XLSX workbook (multipart/form-data, field `file`) with a "Scenarios" sheet ' +
            'laid out as the XLSX export. Rows match scenarios by ref_id (else by name) and update them; other rows ' +
            'create scenarios. Ratings accept a scale point name or abbreviation (any case) or its 1-based number; ' +
            'threats, assets and applied controls resolve by ref id or name, owners by e-mail; a column left out ' +
            'is not changed; level and flagged columns are computed, not read. `dryRun=true` answers the preview ' +
            'with every located problem and writes nothing; otherwise all rows or none (any problem: 400 listing ' +
            'them by row and column). A done or deprecated assessment answers 409 `risk_assessment_locked`. Needs ' +
            'risk_scenario:create and risk_scenario:update on the assessment folder.',
          consumes: ['multipart/form-data'],
          params: riskAssessmentIdParams,
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
            file = { name: (part.filename || 'upload.xlsx').slice(0, 255), data: await part.toBuffer() };
          }
        } catch (error) {
          throw unreadableBody(error);
        }
        if (!file || file.data.length === 0) throw invalid('body.file', 'A non-empty file is required');
        return service.importFile(access, request.audit, request.params.id, file, {
          dryRun: request.query.dryRun === 'true',
        });
      },
    );
  });
}
