import type { Database } from '../../../platform/db/client.js';
import { refreshStatistics } from '../../../platform/db/statistics.js';
import type { Access } from '../../access/index.js';
import { readableOr404 } from '../../access/index.js';
import type { AuditContext } from '../../audit/index.js';
import { folderById } from '../../folders/index.js';
import { lockGraph } from '../graph-queries.js';
import { assetDependencies, assetOwners, assets } from '../tables.js';
import { applyImport } from './apply.js';
import { loadTransferContext } from './context.js';
import type { ImportResult } from './contracts.js';
import { importRejected, MAX_ISSUES } from './issues.js';
import { planImport } from './plan.js';
import { ImportFileError, readAssetTable } from './read-table.js';

/**
 * Imports an inventory file: all rows or none. The plan is made inside the transaction that applies it, with
 * the organisation's graph locked, so what was validated (cycles included) is exactly what is written; a dry
 * run answers the plan and its problems and writes nothing.
 */
export function createAssetImportService(deps: { db: Database }) {
  const { db } = deps;
  return {
    async importFile(
      access: Access,
      audit: AuditContext,
      file: { name: string; data: Buffer },
      options: { dryRun: boolean; folderId: string | null },
    ): Promise<ImportResult> {
      const table = await readAssetTable(file.data).catch((error: unknown) => {
        if (!(error instanceof ImportFileError)) throw error;
        if (!options.dryRun) throw importRejected(error.issues);
        return error;
      });
      if (table instanceof ImportFileError) {
        return {
          dryRun: true,
          format: 'csv',
          rowsRead: 0,
          created: 0,
          updated: 0,
          unchanged: 0,
          rows: [],
          errors: table.issues,
        };
      }
      const result = await db.transaction(async (tx) => {
        await lockGraph(tx, access.organizationId);
        const ctx = await loadTransferContext(tx, access);
        let defaultFolderId = ctx.rootFolderId;
        if (options.folderId) {
          const folder = readableOr404(
            await folderById(tx, access.organizationId, options.folderId),
            access,
            'folder:read',
            'Folder',
            (found) => found.path,
          );
          defaultFolderId = folder.id;
        }
        const plan = planImport(table, ctx, { defaultFolderId, can: (p, path) => access.can(p, path) });
        if (plan.issues.length > 0 && !options.dryRun) throw importRejected(plan.issues);
        const idOfRow =
          options.dryRun || plan.issues.length > 0
            ? new Map<number, string>()
            : (
                await applyImport(tx, audit, access.organizationId, plan.rows, {
                  name: file.name,
                  format: table.format,
                })
              ).idOfRow;
        const count = (action: string) => plan.rows.filter((r) => r.action === action).length;
        return {
          dryRun: options.dryRun,
          format: table.format,
          rowsRead: table.rows.length,
          created: count('create'),
          updated: count('update'),
          unchanged: count('unchanged'),
          rows: plan.rows.map((r) => ({
            row: r.row,
            action: r.action,
            assetId: r.existing?.id ?? idOfRow.get(r.row) ?? null,
            refId: r.values.refId,
            name: r.values.name,
            changes: r.changes,
          })),
          errors: plan.issues.slice(0, MAX_ISSUES),
        };
      });
      const written = result.dryRun ? 0 : result.created + result.updated;
      await refreshStatistics(db, [assets, assetDependencies, assetOwners], written);
      return result;
    },
  };
}
