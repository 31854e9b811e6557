import { buffer as readBuffer } from 'node:stream/consumers';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../../platform/db/client.js';
import { refreshStatistics } from '../../../platform/db/statistics.js';
import { defineJob, type JobContext, PermanentJobError } from '../../../platform/jobs/definition.js';
import type { JobService } from '../../../platform/jobs/service.js';
import { jobRuns } from '../../../platform/jobs/tables.js';
import type { FileStorage } from '../../../platform/storage/file-storage.js';
import type { AuditContext } from '../../audit/index.js';
import { applyOscalProfile } from '../formats/oscal/apply-profile.js';
import { parseOscalProfile } from '../formats/oscal/profile.js';
import { looksLikeXlsx, parseFrameworkXlsx } from '../formats/xlsx/parse.js';
import { LibraryFormatError } from '../library-content.js';
import { LIBRARY_IMPORT_JOB } from '../service.js';
import { mappingRules, requirementNodes } from '../tables.js';
import { saveLibraryContent } from '../writer.js';
import { contentImporters, detectFileFormat, importFormats } from './detect.js';

export const libraryImportPayload = z.object({
  fileId: z.uuid(),
  fileName: z.string().max(255),
  format: z.enum(importFormats),
  frameworkId: z.uuid().nullable(),
  folderId: z.uuid(),
  audit: z.object({
    actorUserId: z.uuid().nullable(),
    actorType: z.enum(['user', 'token', 'system', 'anonymous']),
    actorTokenId: z.uuid().nullable(),
    requestId: z.string().max(200).nullable(),
    ip: z.string().max(100).nullable(),
  }),
});
export type LibraryImportPayload = z.infer<typeof libraryImportPayload>;

/**
 * Imports one stored library file: parse (pure importer), then write everything in one transaction, so a bad
 * file imports nothing. A file that cannot be read is a permanent failure: its located issues are kept on the
 * run (`result.issues`) for the UI, and the run is not retried.
 */
export function registerLibraryImportJob(deps: {
  jobs: JobService;
  db: Database;
  storage: FileStorage;
  /** On PGlite a progress write outside the open import transaction would wait for it forever. */
  progressDuringWrite: boolean;
}) {
  const { db, storage } = deps;

  async function run(ctx: JobContext<LibraryImportPayload>) {
    const { payload, organizationId } = ctx;
    if (!organizationId) throw new PermanentJobError('A library import belongs to an organisation');
    await ctx.reportProgress(5, 'Reading the file');
    const data = await storage
      .get(organizationId, payload.fileId)
      .then(({ stream }) => readBuffer(stream))
      .catch((error: unknown) => {
        throw new PermanentJobError('The uploaded file is no longer stored', { cause: error });
      });
    // Text formats are UTF-8; the decoder drops a byte-order mark as reading the stream as text did.
    const text = looksLikeXlsx(data) ? '' : new TextDecoder().decode(data);
    const format = payload.format === 'auto' ? detectFileFormat(data, text, payload.fileName) : payload.format;
    await ctx.reportProgress(10, `Parsing (${format})`);
    const audit: AuditContext = payload.audit;

    if (format === 'oscal_profile') {
      const profile = parseOscalProfile(text, payload.fileName);
      await ctx.reportProgress(40, `Applying the profile "${profile.title.slice(0, 200)}"`);
      const applied = await db.transaction((tx) =>
        applyOscalProfile(tx, profile, {
          organizationId,
          frameworkId: payload.frameworkId,
          audit,
          fileName: payload.fileName,
        }),
      );
      return { format, profile: applied, frameworks: [], mappingSets: [] };
    }

    const content =
      format === 'framework_xlsx'
        ? await parseFrameworkXlsx(data, payload.fileName)
        : contentImporters[format](text, payload.fileName);
    const total = content.frameworks.reduce((n, f) => n + f.nodes.length, 0);
    await ctx.reportProgress(30, `Writing ${total} requirement nodes`);
    const saved = await db.transaction((tx) =>
      saveLibraryContent(tx, content, {
        organizationId,
        folderId: payload.folderId,
        audit,
        onProgress: deps.progressDuringWrite
          ? (done, all) => ctx.reportProgress(30 + (65 * done) / Math.max(all, 1), `Writing ${done}/${all} nodes`)
          : undefined,
      }),
    );
    const mappingRows = content.mappingSets.reduce((n, m) => n + m.rules.length, 0);
    await refreshStatistics(db, [requirementNodes, mappingRules], total + mappingRows);
    return { format, frameworks: saved.frameworks, mappingSets: saved.mappingSets };
  }

  deps.jobs.define(
    defineJob({
      name: LIBRARY_IMPORT_JOB,
      payload: libraryImportPayload,
      retryLimit: 2,
      retryDelay: 5,
      retryBackoff: true,
      expireInSeconds: 10 * 60,
      async handler(ctx) {
        try {
          return await run(ctx);
        } catch (error) {
          if (!(error instanceof LibraryFormatError)) throw error;
          await db
            .update(jobRuns)
            .set({ result: { issues: error.issues.slice(0, 100) } })
            .where(eq(jobRuns.id, ctx.jobRunId));
          throw new PermanentJobError(`The file cannot be imported: ${error.message}`, { cause: error });
        }
      },
    }),
  );
}
