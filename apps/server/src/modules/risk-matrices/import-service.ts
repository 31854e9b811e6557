import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.js';
import { conflict } from '../../platform/errors.js';
import type { Access } from '../access/index.js';
import { type AuditContext, recordAudit } from '../audit/index.js';
import type { MatrixImportResult } from './contracts.js';
import { sameDefinition } from './definition.js';
import type { ImportedMatrix } from './import-parse.js';
import * as q from './queries.js';
import { matrixTargetFolder } from './service.js';
import { riskMatrices } from './tables.js';
import type { MatrixUseCount } from './usage.js';

/**
 * Imports matrices by URN. A new URN is created (revision 1) in the folder; a known one whose latest revision
 * already says the same is left alone (importing twice changes nothing); otherwise the latest revision is changed
 * in place while no assessment uses it, and a new revision is added when one does — the same rule as editing.
 */
export function createMatrixImportService(deps: { db: Database; inUse: MatrixUseCount }) {
  const { db, inUse } = deps;
  return {
    async checkFolder(access: Access, folderId: string) {
      await matrixTargetFolder(db, access, folderId);
    },

    async importMatrices(access: Access, audit: AuditContext, folderId: string, imported: ImportedMatrix[]) {
      return db.transaction(async (tx) => {
        const organizationId = access.organizationId;
        const folder = await matrixTargetFolder(tx, access, folderId);
        await tx.execute(
          sql`select pg_advisory_xact_lock(hashtext(${`rampart.risk_matrix.import:${organizationId}`}))`,
        );
        const latest = await q.latestOrgMatricesByUrn(
          tx,
          inUse,
          organizationId,
          imported.map((m) => m.urn),
        );
        const result: MatrixImportResult = { created: 0, revised: 0, updated: 0, unchanged: 0, matrices: [] };
        for (const m of imported) {
          const found = latest.get(m.urn);
          if (!found) {
            const [row] = await tx
              .insert(riskMatrices)
              .values({ ...m, organizationId, folderId: folder.id, revision: 1 })
              .returning();
            if (!row) throw new Error('insert returned no row');
            result.created += 1;
            result.matrices.push({ id: row.id, urn: m.urn, revision: 1, outcome: 'created' });
            continue;
          }
          const { row } = found;
          const same =
            row.name === m.name &&
            row.description === m.description &&
            row.refId === m.refId &&
            sameDefinition(row.definition, m.definition);
          if (same) {
            result.unchanged += 1;
            result.matrices.push({ id: row.id, urn: m.urn, revision: row.revision, outcome: 'unchanged' });
            continue;
          }
          if (!found.folderPath || !access.can('risk_matrix:update', found.folderPath)) {
            throw conflict(`A risk matrix with URN ${m.urn} already exists in a folder where you may not change it`);
          }
          if (Number(found.inUse) === 0) {
            await tx
              .update(riskMatrices)
              .set({ ...m, version: sql`${riskMatrices.version} + 1`, updatedAt: sql`now()` })
              .where(eq(riskMatrices.id, row.id));
            result.updated += 1;
            result.matrices.push({ id: row.id, urn: m.urn, revision: row.revision, outcome: 'updated' });
          } else {
            const revision = row.revision + 1;
            const [added] = await tx
              .insert(riskMatrices)
              .values({ ...m, organizationId, folderId: row.folderId, revision })
              .returning();
            if (!added) throw new Error('insert returned no row');
            result.revised += 1;
            result.matrices.push({ id: added.id, urn: m.urn, revision, outcome: 'revised' });
          }
        }
        if (result.created + result.updated + result.revised > 0) {
          await recordAudit(tx, audit, {
            organizationId,
            folderId: folder.id,
            action: 'risk_matrix.imported',
            objectType: 'risk_matrix',
            objectId: null,
            changes: {
              matrices: { after: result.matrices.filter((x) => x.outcome !== 'unchanged') },
            },
          });
        }
        return result;
      });
    },
  };
}
