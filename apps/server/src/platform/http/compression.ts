import { constants } from 'node:zlib';
import compress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';

/**
 * Answers compressed by Accept-Encoding (brotli, else gzip) above 1 KiB: an 800-53 assessment workspace is
 * 649 KiB of JSON and ≈ 70 KiB compressed. Brotli runs at quality 4, not its default 11: per answer, 11 costs
 * far more CPU than the bytes it saves over 4, and this is the request path. Files of the web build arrive
 * already compressed (see `serveWebUi`) and are left as they are.
 */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(compress, {
    global: true,
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
    zlibOptions: { level: 6 },
  });
}
