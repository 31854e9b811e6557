import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.js';
import { forbidden, versionConflict } from '../../platform/errors.js';
import type { Access } from '../access/index.js';
import { type AuditContext, recordAudit } from '../audit/index.js';
import type { FindingSlasDto } from './contracts.js';
import type { SlaDays } from './rules.js';
import { loadSla, slaColumns } from './sla-queries.js';
import { findingSlas } from './tables.js';

/**
 * Who may change the SLAs: finding:update on the whole organisation. An SLA does nothing but set due dates of
 * new findings, and whoever may update every finding may set each of those dates by hand anyway, so this grants
 * no new power; organization:update would leave only owners able to tune it, while managers run the findings.
 * Reading needs finding:read somewhere: the web shows the SLA next to findings.
 */
const mayUpdate = (access: Access) => access.canAtRoot('finding:update');

export function createSlaService(deps: { db: Database }) {
  const { db } = deps;

  async function read(access: Access): Promise<FindingSlasDto> {
    if (!access.summary().somewhere.includes('finding:read')) throw forbidden('You may not read findings');
    const stored = await loadSla(db, access.organizationId);
    return { ...stored, abilities: { update: mayUpdate(access) } };
  }

  return {
    read,

    /** Changes apply to findings created (or re-rated) afterwards; existing due dates stay as they are. */
    async update(access: Access, audit: AuditContext, version: number, days: SlaDays) {
      access.requireAtRoot('finding:update');
      await db.transaction(async (tx) => {
        const before = await loadSla(tx, access.organizationId);
        if (version !== before.version) throw versionConflict();
        if (before.isDefault) {
          const inserted = await tx
            .insert(findingSlas)
            .values({ organizationId: access.organizationId, ...slaColumns(days) })
            .onConflictDoNothing()
            .returning({ version: findingSlas.version });
          if (inserted.length === 0) throw versionConflict();
        } else {
          const updated = await tx
            .update(findingSlas)
            .set({ ...slaColumns(days), version: sql`${findingSlas.version} + 1`, updatedAt: sql`now()` })
            .where(and(eq(findingSlas.organizationId, access.organizationId), eq(findingSlas.version, version)))
            .returning({ version: findingSlas.version });
          if (updated.length === 0) throw versionConflict();
        }
        const changes: Record<string, unknown> = {};
        for (const key of Object.keys(days) as (keyof SlaDays)[]) {
          if (before.days[key] !== days[key]) changes[key] = { before: before.days[key], after: days[key] };
        }
        await recordAudit(tx, audit, {
          organizationId: access.organizationId,
          action: 'finding_sla.updated',
          objectType: 'finding_sla',
          objectId: null,
          changes,
        });
      });
      return read(access);
    },
  };
}
