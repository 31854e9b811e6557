import { and, eq, inArray } from 'drizzle-orm';
import type { Database, DbOrTx } from '../../platform/db/client.js';
import { invalid, notFound } from '../../platform/errors.js';
import type { Access } from '../access/index.js';
import { type AuditContext, recordAudit } from '../audit/index.js';
import { type LinkTarget, targetPermission, targetsWithPaths } from './link-lookups.js';
import { loadReadableFinding } from './service.js';
import { findingAssets, findingControls, findingScenarios, findings } from './tables.js';

interface LinkStore {
  what: string;
  field: string;
  audit: `finding.${string}`;
  current(db: DbOrTx, findingId: string): Promise<string[]>;
  add(db: DbOrTx, findingId: string, ids: string[]): Promise<void>;
  remove(db: DbOrTx, findingId: string, ids: string[]): Promise<void>;
}

const stores: Record<LinkTarget, LinkStore> = {
  assets: {
    what: 'Asset',
    field: 'body.assetIds',
    audit: 'finding.assets_changed',
    current: async (db, findingId) =>
      (
        await db.select({ id: findingAssets.assetId }).from(findingAssets).where(eq(findingAssets.findingId, findingId))
      ).map((r) => r.id),
    add: async (db, findingId, ids) => {
      if (ids.length > 0) {
        await db
          .insert(findingAssets)
          .values(ids.map((assetId) => ({ findingId, assetId })))
          .onConflictDoNothing();
      }
    },
    remove: async (db, findingId, ids) => {
      if (ids.length > 0) {
        await db
          .delete(findingAssets)
          .where(and(eq(findingAssets.findingId, findingId), inArray(findingAssets.assetId, ids)));
      }
    },
  },
  appliedControls: {
    what: 'Applied control',
    field: 'body.appliedControlIds',
    audit: 'finding.applied_controls_changed',
    current: async (db, findingId) =>
      (
        await db
          .select({ id: findingControls.appliedControlId })
          .from(findingControls)
          .where(eq(findingControls.findingId, findingId))
      ).map((r) => r.id),
    add: async (db, findingId, ids) => {
      if (ids.length > 0) {
        await db
          .insert(findingControls)
          .values(ids.map((appliedControlId) => ({ findingId, appliedControlId })))
          .onConflictDoNothing();
      }
    },
    remove: async (db, findingId, ids) => {
      if (ids.length > 0) {
        await db
          .delete(findingControls)
          .where(and(eq(findingControls.findingId, findingId), inArray(findingControls.appliedControlId, ids)));
      }
    },
  },
  riskScenarios: {
    what: 'Risk scenario',
    field: 'body.riskScenarioIds',
    audit: 'finding.risk_scenarios_changed',
    current: async (db, findingId) =>
      (
        await db
          .select({ id: findingScenarios.riskScenarioId })
          .from(findingScenarios)
          .where(eq(findingScenarios.findingId, findingId))
      ).map((r) => r.id),
    add: async (db, findingId, ids) => {
      if (ids.length > 0) {
        await db
          .insert(findingScenarios)
          .values(ids.map((riskScenarioId) => ({ findingId, riskScenarioId })))
          .onConflictDoNothing();
      }
    },
    remove: async (db, findingId, ids) => {
      if (ids.length > 0) {
        await db
          .delete(findingScenarios)
          .where(and(eq(findingScenarios.findingId, findingId), inArray(findingScenarios.riskScenarioId, ids)));
      }
    },
  },
};

/** Which of `ids` are the organisation's and readable by the caller. */
async function linkable(db: DbOrTx, access: Access, target: LinkTarget, ids: string[]) {
  const rows = await targetsWithPaths(db, target, access.organizationId, ids);
  return new Set(rows.filter((r) => access.can(targetPermission(target), r.folderPath)).map((r) => r.id));
}

/**
 * Links of a finding to assets, applied controls and risk scenarios, as in the controls module: sub-resources
 * changed with finding:update and no version (each change is idempotent and commutes with edits of the fields),
 * one audit event per change listing what was added and removed.
 */
export function createFindingLinkService(deps: { db: Database }) {
  const { db } = deps;

  async function change(
    access: Access,
    audit: AuditContext,
    findingId: string,
    target: LinkTarget,
    plan: (current: string[], tx: DbOrTx) => Promise<{ add: string[]; remove: string[] }>,
  ) {
    const store = stores[target];
    await db.transaction(async (tx) => {
      // Serialises link changes of one finding: each reads the current set and writes a difference.
      await tx
        .select({ id: findings.id })
        .from(findings)
        .where(and(eq(findings.id, findingId), eq(findings.organizationId, access.organizationId)))
        .for('no key update');
      const finding = await loadReadableFinding(tx, access, findingId);
      access.require('finding:update', finding.folderPath, 'finding:read', 'Finding');
      const current = await store.current(tx, findingId);
      const { add, remove } = await plan(current, tx);
      if (add.length === 0 && remove.length === 0) return;
      await store.add(tx, findingId, add);
      await store.remove(tx, findingId, remove);
      await recordAudit(tx, audit, {
        organizationId: access.organizationId,
        folderId: finding.row.folderId,
        action: store.audit,
        objectType: 'finding',
        objectId: findingId,
        changes: { added: add, removed: remove },
      });
    });
  }

  return {
    /** Replaces the set. Links the caller cannot read are left alone (they could not have chosen them). */
    replace(access: Access, audit: AuditContext, findingId: string, target: LinkTarget, wanted: string[]) {
      return change(access, audit, findingId, target, async (current, tx) => {
        const unique = [...new Set(wanted)];
        const allowed = await linkable(tx, access, target, unique);
        const refused = unique.filter((id) => !allowed.has(id));
        if (refused.length > 0) throw invalid(stores[target].field, `Not found: ${refused.join(', ')}`);
        const visibleCurrent = await linkable(tx, access, target, current);
        return {
          add: unique.filter((id) => !current.includes(id)),
          remove: current.filter((id) => visibleCurrent.has(id) && !unique.includes(id)),
        };
      });
    },

    add(access: Access, audit: AuditContext, findingId: string, target: LinkTarget, targetId: string) {
      return change(access, audit, findingId, target, async (current, tx) => {
        if (!(await linkable(tx, access, target, [targetId])).has(targetId)) throw notFound(stores[target].what);
        return { add: current.includes(targetId) ? [] : [targetId], remove: [] };
      });
    },

    remove(access: Access, audit: AuditContext, findingId: string, target: LinkTarget, targetId: string) {
      return change(access, audit, findingId, target, async (current, tx) => {
        if (!current.includes(targetId) || !(await linkable(tx, access, target, [targetId])).has(targetId)) {
          throw notFound(`${stores[target].what} link`);
        }
        return { add: [], remove: [targetId] };
      });
    },
  };
}
