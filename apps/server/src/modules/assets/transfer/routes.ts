import multipart from '@fastify/multipart';
import { z } from 'zod';
import type { AppContext, TypedApp } from '../../../platform/context.js';
import { AppError, forbidden, invalid } from '../../../platform/errors.js';
import { loadTransferContext } from './context.js';
import { exportQuery, importQuery, importResultSchema } from './contracts.js';
import { inventoryToCsv, inventoryToXlsx } from './export.js';
import { createAssetImportService } from './import-service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const uuid = z.uuid();

const columnsText =
  'Columns: ref_id, name, type, category, description, folder (names from the root, e.g. "Root/IT"), ' +
  'business_value, one column per enabled objective (level number or name), rto_minutes, rpo_minutes, ' +
  'mtd_minutes, tags, owners (member e-mails) and supports (ref ids or names); lists are separated by ";".';

/** The multipart parser throws plain errors for a malformed body: a 400. */
function unreadableBody(error: unknown): unknown {
  if (error instanceof AppError) return error;
  if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
    return new AppError('payload_too_large', 'The file is larger than the upload limit');
  }
  if ((error as { statusCode?: number }).statusCode) return error;
  const message = error instanceof Error ? error.message : '';
  return new AppError('bad_request', `The multipart body cannot be read: ${message.slice(0, 200)}`);
}

/** `POST /assets/import` and `GET /assets/export`: the inventory as a CSV or XLSX file, both ways. */
export async function registerTransferRoutes(app: TypedApp, ctx: AppContext) {
  const { db, config, clock } = ctx;
  const service = createAssetImportService({ db });

  app.get(
    '/assets/export',
    {
      schema: {
        operationId: 'exportAssets',
        tags: ['assets'],
        description: `The assets the caller may read as a CSV or XLSX file that imports back unchanged. ${columnsText}`,
        querystring: exportQuery,
        produces: ['text/csv', XLSX],
        response: { 200: z.string().describe('The file (binary)').meta({ format: 'binary' }) },
      },
    },
    async (request, reply) => {
      const access = await request.access();
      if (!access.summary().somewhere.includes('asset:read')) throw forbidden('You may not read assets');
      const context = await loadTransferContext(db, access);
      const xlsx = request.query.format === 'xlsx';
      const body = xlsx ? await inventoryToXlsx(context, clock.now()) : inventoryToCsv(context);
      return (
        reply
          .header('content-type', xlsx ? XLSX : 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="assets.${xlsx ? 'xlsx' : 'csv'}"`)
          .header('cache-control', 'no-store')
          // Files skip the serializer; the response schema only documents them.
          .send(body as unknown as string)
      );
    },
  );

  await app.register(async (scope: TypedApp) => {
    await scope.register(multipart, {
      limits: { fileSize: config.maxUploadBytes, files: 1, fields: 2, fieldSize: 100, parts: 3 },
    });
    scope.post(
      '/assets/import',
      {
        schema: {
          operationId: 'importAssets',
          tags: ['assets'],
          description:
            'Imports assets from a CSV or XLSX file (multipart/form-data, field `file`; optional field `folderId`: ' +
            'where rows without a folder go, default the root). A row matches a stored asset by ref_id, else by ' +
            'name among assets without a ref id, and updates it; other rows create assets. A column left out is ' +
            `not changed. ${columnsText} All rows or none: any problem answers 400 with every problem located ` +
            '(row, column); a cycle in the graph is refused at the row that closes it. `dryRun=true` answers the ' +
            'preview with its problems (200) and writes nothing. Needs asset:create / asset:update where rows land.',
          consumes: ['multipart/form-data'],
          querystring: importQuery,
          response: { 200: importResultSchema },
        },
      },
      async (request) => {
        const access = await request.access();
        if (!request.isMultipart())
          throw new AppError('unsupported_media_type', 'Send the file as multipart/form-data');
        let file: { name: string; data: Buffer } | null = null;
        let folderId: string | null = null;
        try {
          for await (const part of request.parts()) {
            if (part.type === 'file') {
              if (part.fieldname !== 'file') {
                part.file.resume();
                throw invalid(`body.${part.fieldname}`, 'Send the file in the field `file`');
              }
              file = { name: part.filename || 'upload', data: await part.toBuffer() };
            } else if (part.fieldname === 'folderId') {
              const parsed = uuid.safeParse(String(part.value));
              if (!parsed.success) throw invalid('body.folderId', 'Not a folder id');
              folderId = parsed.data;
            } else {
              throw invalid(`body.${part.fieldname}`, 'Unknown field');
            }
          }
        } catch (error) {
          throw unreadableBody(error);
        }
        if (!file || file.data.length === 0) throw invalid('body.file', 'A non-empty file is required');
        if (!access.summary().somewhere.some((p) => p === 'asset:create' || p === 'asset:update')) {
          throw forbidden('You may not create or update assets');
        }
        return service.importFile(access, request.audit, file, {
          dryRun: request.query.dryRun === 'true',
          folderId,
        });
      },
    );
  });
}
