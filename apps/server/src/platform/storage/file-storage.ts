import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { access, mkdir, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { and, eq, sql } from 'drizzle-orm';
import type { Database, DbOrTx } from '../db/client.js';
import { AppError, notFound } from '../errors.js';
import { contentMatches, normaliseContentType } from './content-types.js';
import { sanitiseFileName } from './file-name.js';
import { storedFiles } from './tables.js';

export type StoredFile = typeof storedFiles.$inferSelect;

export interface PutOptions {
  organizationId: string;
  originalName: string;
  contentType: string;
  /** Refused (413) as soon as the stream passes this many bytes; nothing is kept. */
  maxBytes: number;
  createdBy?: string | null;
}

export interface FileStorage {
  put(source: Readable | Buffer, options: PutOptions): Promise<StoredFile>;
  /** The file's metadata and content, within one organisation (another's id answers 404). */
  get(organizationId: string, id: string): Promise<{ file: StoredFile; stream: Readable }>;
  delete(organizationId: string, id: string): Promise<void>;
}

const SNIFF_BYTES = 8192;
const SHA256 = /^[0-9a-f]{64}$/;

/**
 * Files on the local disk under `${dataDir}/files/<sha256[0:2]>/<sha256>`: content-addressed (one copy of equal
 * content, names that can never be chosen by a user), written to a temporary file and renamed into place so a
 * reader never sees half a file. A lock per digest keeps a delete from removing content a concurrent put of
 * the same bytes has just linked.
 */
export function createLocalFileStorage(deps: { dataDir: string; db: Database }): FileStorage {
  const root = path.join(deps.dataDir, 'files');
  const tmpDir = path.join(root, 'tmp');
  const { db } = deps;

  const blobPath = (sha256: string) => {
    if (!SHA256.test(sha256)) throw new Error('not a SHA-256 digest');
    return path.join(root, sha256.slice(0, 2), sha256);
  };
  const lockDigest = (tx: DbOrTx, sha256: string) =>
    tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`rampart.file:${sha256}`}))`);

  async function receive(source: Readable | Buffer, maxBytes: number, tmp: string) {
    const hash = createHash('sha256');
    const head: Buffer[] = [];
    let headBytes = 0;
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        size += chunk.length;
        if (size > maxBytes) {
          callback(new AppError('payload_too_large', `The file is larger than ${maxBytes} bytes`));
          return;
        }
        hash.update(chunk);
        if (headBytes < SNIFF_BYTES) {
          head.push(chunk.subarray(0, SNIFF_BYTES - headBytes));
          headBytes += Math.min(chunk.length, SNIFF_BYTES - headBytes);
        }
        callback(null, chunk);
      },
    });
    const input = Buffer.isBuffer(source) ? Readable.from([source]) : source;
    await pipeline(input, meter, createWriteStream(tmp, { flags: 'wx', mode: 0o600 }));
    return { sha256: hash.digest('hex'), size, head: Buffer.concat(head) };
  }

  return {
    async put(source, options) {
      const contentType = normaliseContentType(options.contentType);
      if (!contentType) throw new AppError('unsupported_media_type', 'This type of file is not accepted');
      await mkdir(tmpDir, { recursive: true });
      const tmp = path.join(tmpDir, randomUUID());
      try {
        const { sha256, size, head } = await receive(source, options.maxBytes, tmp);
        if (!contentMatches(contentType, head)) {
          throw new AppError('unsupported_media_type', `The content is not a valid ${contentType} file`);
        }
        const target = blobPath(sha256);
        await mkdir(path.dirname(target), { recursive: true });
        return await db.transaction(async (tx) => {
          await lockDigest(tx, sha256);
          await rename(tmp, target);
          const [row] = await tx
            .insert(storedFiles)
            .values({
              organizationId: options.organizationId,
              sha256,
              size,
              contentType,
              originalName: sanitiseFileName(options.originalName),
              createdBy: options.createdBy ?? null,
            })
            .returning();
          if (!row) throw new Error('insert returned no row');
          return row;
        });
      } finally {
        await unlink(tmp).catch(() => {});
      }
    },

    async get(organizationId, id) {
      const [file] = await db
        .select()
        .from(storedFiles)
        .where(and(eq(storedFiles.id, id), eq(storedFiles.organizationId, organizationId)));
      if (!file) throw notFound('File');
      const location = blobPath(file.sha256);
      await access(location);
      return { file, stream: createReadStream(location) };
    },

    async delete(organizationId, id) {
      await db.transaction(async (tx) => {
        const [file] = await tx
          .delete(storedFiles)
          .where(and(eq(storedFiles.id, id), eq(storedFiles.organizationId, organizationId)))
          .returning();
        if (!file) throw notFound('File');
        await lockDigest(tx, file.sha256);
        const [other] = await tx
          .select({ id: storedFiles.id })
          .from(storedFiles)
          .where(eq(storedFiles.sha256, file.sha256))
          .limit(1);
        if (!other) await unlink(blobPath(file.sha256)).catch(() => {});
      });
    },
  };
}
