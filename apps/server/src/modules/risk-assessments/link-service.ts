import { and, eq, inArray } from 'drizzle-orm';
import type { Database, DbOrTx } from '../../platform/db/client.js';
import { invalid, notFound } from '../../platform/errors.js';
import type { Access } from '../access/index.js';
import { type AuditContext, recordAudit } from '../audit/index.js';
import { readableAssetIds, readableControlIds, readableThreatIds } from './catalog-lookups.js';
import { loadReadableScenario } from './scenario-service.js';
import { requireUnlocked } from './status.js';
import { riskScenarioAssets, riskScenarioControls, riskScenarios, riskScenarioThreats } from './tables.js';

export type ScenarioLinkKind = 'threats' | 'assets' | 'existingControls' | 'plannedControls';

interface LinkStore {
  what: string;
  field: string;
  audit: `risk_scenario.${string}`;
  linkable(db: DbOrTx, access: Access, ids: string[]): Promise<Set<string>>;
  current(db: DbOrTx, scenarioId: string): Promise<string[]>;
  add(db: DbOrTx, scenarioId: string, ids: string[]): Promise<void>;
  remove(db: DbOrTx, scenarioId: string, ids: string[]): Promise<void>;
}

const controlStore = (kind: 'existing' | 'planned'): Omit<LinkStore, 'audit'> => ({
  what: 'Applied control',
  field: 'body.appliedControlIds',
  linkable: readableControlIds,
  current: async (db, scenarioId) =>
    (
      await db
        .select({ id: riskScenarioControls.appliedControlId })
        .from(riskScenarioControls)
        .where(and(eq(riskScenarioControls.riskScenarioId, scenarioId), eq(riskScenarioControls.kind, kind)))
    ).map((r) => r.id),
  add: async (db, scenarioId, ids) => {
    if (ids.length === 0) return;
    await db
      .insert(riskScenarioControls)
      .values(ids.map((appliedControlId) => ({ riskScenarioId: scenarioId, appliedControlId, kind })))
      .onConflictDoNothing();
  },
  remove: async (db, scenarioId, ids) => {
    if (ids.length === 0) return;
    await db
      .delete(riskScenarioControls)
      .where(
        and(
          eq(riskScenarioControls.riskScenarioId, scenarioId),
          eq(riskScenarioControls.kind, kind),
          inArray(riskScenarioControls.appliedControlId, ids),
        ),
      );
  },
});

const stores: Record<ScenarioLinkKind, LinkStore> = {
  threats: {
    what: 'Threat',
    field: 'body.threatIds',
    audit: 'risk_scenario.threats_changed',
    linkable: readableThreatIds,
    current: async (db, scenarioId) =>
      (
        await db
          .select({ id: riskScenarioThreats.threatId })
          .from(riskScenarioThreats)
          .where(eq(riskScenarioThreats.riskScenarioId, scenarioId))
      ).map((r) => r.id),
    add: async (db, scenarioId, ids) => {
      if (ids.length === 0) return;
      await db
        .insert(riskScenarioThreats)
        .values(ids.map((threatId) => ({ riskScenarioId: scenarioId, threatId })))
        .onConflictDoNothing();
    },
    remove: async (db, scenarioId, ids) => {
      if (ids.length === 0) return;
      await db
        .delete(riskScenarioThreats)
        .where(and(eq(riskScenarioThreats.riskScenarioId, scenarioId), inArray(riskScenarioThreats.threatId, ids)));
    },
  },
  assets: {
    what: 'Asset',
    field: 'body.assetIds',
    audit: 'risk_scenario.assets_changed',
    linkable: readableAssetIds,
    current: async (db, scenarioId) =>
      (
        await db
          .select({ id: riskScenarioAssets.assetId })
          .from(riskScenarioAssets)
          .where(eq(riskScenarioAssets.riskScenarioId, scenarioId))
      ).map((r) => r.id),
    add: async (db, scenarioId, ids) => {
      if (ids.length === 0) return;
      await db
        .insert(riskScenarioAssets)
        .values(ids.map((assetId) => ({ riskScenarioId: scenarioId, assetId })))
        .onConflictDoNothing();
    },
    remove: async (db, scenarioId, ids) => {
      if (ids.length === 0) return;
      await db
        .delete(riskScenarioAssets)
        .where(and(eq(riskScenarioAssets.riskScenarioId, scenarioId), inArray(riskScenarioAssets.assetId, ids)));
    },
  },
  existingControls: { ...controlStore('existing'), audit: 'risk_scenario.existing_controls_changed' },
  plannedControls: { ...controlStore('planned'), audit: 'risk_scenario.planned_controls_changed' },
};

/**
 * Links of a scenario (threats, assets, existing and planned controls), as sub-resources: they need
 * risk_scenario:update but no version, each change is one audit event with what was added and removed, and
 * links to objects the caller cannot read are neither made nor removed by a replace.
 */
export function createScenarioLinkService(deps: { db: Database }) {
  const { db } = deps;

  async function change(
    access: Access,
    audit: AuditContext,
    scenarioId: string,
    kind: ScenarioLinkKind,
    plan: (
      current: string[],
      linkable: (ids: string[]) => Promise<Set<string>>,
    ) => Promise<{ add: string[]; remove: string[] }>,
  ) {
    const store = stores[kind];
    await db.transaction(async (tx) => {
      // One change of a scenario's links at a time: each reads the set and writes a difference.
      await tx
        .select({ id: riskScenarios.id })
        .from(riskScenarios)
        .where(and(eq(riskScenarios.id, scenarioId), eq(riskScenarios.organizationId, access.organizationId)))
        .for('no key update');
      const scenario = await loadReadableScenario(tx, access, scenarioId);
      access.require('risk_scenario:update', scenario.folderPath, 'risk_scenario:read', 'Risk scenario');
      requireUnlocked(scenario.assessment);
      const current = await store.current(tx, scenarioId);
      const { add, remove } = await plan(current, (ids) => store.linkable(tx, access, ids));
      if (add.length === 0 && remove.length === 0) return;
      await store.add(tx, scenarioId, add);
      await store.remove(tx, scenarioId, remove);
      await recordAudit(tx, audit, {
        organizationId: access.organizationId,
        folderId: scenario.row.folderId,
        action: store.audit,
        objectType: 'risk_scenario',
        objectId: scenarioId,
        changes: { added: add, removed: remove },
      });
    });
  }

  return {
    replace(access: Access, audit: AuditContext, scenarioId: string, kind: ScenarioLinkKind, wanted: string[]) {
      const store = stores[kind];
      return change(access, audit, scenarioId, kind, async (current, linkable) => {
        const unique = [...new Set(wanted)];
        const allowed = await linkable(unique);
        const refused = unique.filter((id) => !allowed.has(id));
        if (refused.length > 0) throw invalid(store.field, `Not found or not readable: ${refused.join(', ')}`);
        const visibleCurrent = await linkable(current);
        return {
          add: unique.filter((id) => !current.includes(id)),
          remove: current.filter((id) => visibleCurrent.has(id) && !unique.includes(id)),
        };
      });
    },

    add(access: Access, audit: AuditContext, scenarioId: string, kind: ScenarioLinkKind, targetId: string) {
      return change(access, audit, scenarioId, kind, async (current, linkable) => {
        if (!(await linkable([targetId])).has(targetId)) throw notFound(stores[kind].what);
        return { add: current.includes(targetId) ? [] : [targetId], remove: [] };
      });
    },

    remove(access: Access, audit: AuditContext, scenarioId: string, kind: ScenarioLinkKind, targetId: string) {
      return change(access, audit, scenarioId, kind, async (current, linkable) => {
        if (!current.includes(targetId) || !(await linkable([targetId])).has(targetId)) {
          throw notFound(`${stores[kind].what} link`);
        }
        return { add: [], remove: [targetId] };
      });
    },
  };
}
