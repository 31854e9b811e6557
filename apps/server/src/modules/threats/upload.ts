import type { FastifyRequest } from 'fastify';
import { AppError, invalid } from '../../platform/errors.js';

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

/** The one file of a multipart upload (field `file`), as UTF-8 text. Shared by the threats and matrices imports. */
export async function readUploadedText(request: FastifyRequest): Promise<{ name: string; text: string }> {
  if (!request.isMultipart()) throw new AppError('unsupported_media_type', 'Send the file as multipart/form-data');
  let file: { name: string; data: Buffer } | null = null;
  try {
    for await (const part of request.parts()) {
      if (part.type !== 'file') continue;
      if (part.fieldname !== 'file') {
        part.file.resume();
        throw invalid(`body.${part.fieldname}`, 'Send the file in the field `file`');
      }
      file = { name: part.filename || 'upload.yaml', data: await part.toBuffer() };
    }
  } catch (error) {
    throw unreadableBody(error);
  }
  if (!file || file.data.length === 0) throw invalid('body.file', 'A non-empty file is required');
  return { name: file.name.slice(0, 200), text: file.data.toString('utf8') };
}
