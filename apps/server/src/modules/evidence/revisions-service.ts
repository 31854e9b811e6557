import { eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { FileStorage, StoredFile } from '../../platform/storage/file-storage.js';
import type { Access } from '../access/index.js';
import { type AuditContext, recordAudit } from '../audit/index.js';
import { toRevisionDto } from './presenter.js';
import * as q from './queries.js';
import { loadReadableEvidence } from './service.js';
import { reopenedByNewContent } from './status-rules.js';
import { evidence, evidenceRevisions } from './tables.js';

type NewRevision = { kind: 'file'; file: StoredFile; note?: string } | { kind: 'link'; url: string; note?: string };

/**
 * Revisions are the evidence's content, append-only: a change is a new revision with the next number, never an
 * edit. Files live in content-addressed storage; the revision keeps its SHA-256, size, type and name so a
 * download can be checked against what was recorded.
 */
export function createRevisionService(deps: { db: Database; storage: FileStorage }) {
  const { db, storage } = deps;

  /** Checked before a file is stored, so a caller who may not add one does not get to fill the disk. */
  async function requireCanAdd(access: Access, evidenceId: string) {
    const found = await loadReadableEvidence(db, access, evidenceId);
    access.require('evidence:update', found.folderPath, 'evidence:read', 'Evidence');
  }

  async function add(access: Access, audit: AuditContext, evidenceId: string, input: NewRevision) {
    return db.transaction(async (tx) => {
      const found = await loadReadableEvidence(tx, access, evidenceId);
      access.require('evidence:update', found.folderPath, 'evidence:read', 'Evidence');
      // The row lock serialises concurrent uploads: numbers are dense and the unique index never trips.
      // The version moves too: new content invalidates a decision prepared on the version seen before it.
      const [counted] = await tx
        .update(evidence)
        .set({
          revisionCount: sql`${evidence.revisionCount} + 1`,
          status: sql`case when ${inArray(evidence.status, reopenedByNewContent)} then 'draft' else ${evidence.status} end`,
          version: sql`${evidence.version} + 1`,
          updatedAt: sql`now()`,
        })
        .where(eq(evidence.id, evidenceId))
        .returning({ revisionCount: evidence.revisionCount, status: evidence.status });
      if (!counted) throw notFound('Evidence');
      const file = input.kind === 'file' ? input.file : null;
      const [revision] = await tx
        .insert(evidenceRevisions)
        .values({
          evidenceId,
          number: counted.revisionCount,
          kind: input.kind,
          fileId: file?.id ?? null,
          sha256: file?.sha256 ?? null,
          size: file?.size ?? null,
          contentType: file?.contentType ?? null,
          fileName: file?.originalName ?? null,
          url: input.kind === 'link' ? input.url : null,
          note: input.note ?? null,
          createdBy: access.userId,
        })
        .returning();
      if (!revision) throw new Error('insert returned no row');
      await recordAudit(tx, audit, {
        organizationId: access.organizationId,
        folderId: found.row.folderId,
        action: 'evidence.revision_added',
        objectType: 'evidence',
        objectId: evidenceId,
        changes: {
          revision: {
            after: {
              number: revision.number,
              kind: revision.kind,
              fileName: revision.fileName,
              sha256: revision.sha256,
              size: revision.size,
              url: revision.url,
            },
          },
          ...(counted.status !== found.row.status
            ? { status: { before: found.row.status, after: counted.status } }
            : {}),
        },
      });
      return toRevisionDto(revision, null);
    });
  }

  return {
    requireCanAdd,
    add,

    async list(access: Access, evidenceId: string) {
      await loadReadableEvidence(db, access, evidenceId);
      const rows = await q.listRevisions(db, evidenceId);
      return rows.map((r) => toRevisionDto(r.revision, r.createdByName));
    },

    /** The stored file of a file revision; a link revision has no content here (409, its `url` is the content). */
    async content(access: Access, evidenceId: string, number: number) {
      await loadReadableEvidence(db, access, evidenceId);
      const revision = await q.findRevision(db, evidenceId, number);
      if (!revision) throw notFound('Revision');
      if (revision.kind !== 'file' || !revision.fileId) {
        throw new AppError('conflict', 'This revision is a link, not a file: open its url instead');
      }
      const { file, stream } = await storage.get(access.organizationId, revision.fileId);
      return { revision, file, stream };
    },
  };
}

export type RevisionService = ReturnType<typeof createRevisionService>;
