import { eq, sql } from 'drizzle-orm';
import { type Database, type DbOrTx, selectRows } from '../../platform/db/client.js';
import { AppError, conflict, forbidden, versionConflict } from '../../platform/errors.js';
import type { Access } from '../access/index.js';
import { type AuditContext, recordAudit } from '../audit/index.js';
import type { AssetSettingsDto, UpdateAssetSettingsInput } from './contracts.js';
import {
  defaultEnabledObjectives,
  defaultObjectiveScale,
  type ObjectiveSettings,
  scaleProblems,
} from './objective-rules.js';
import { assetSettings, assets, type SecurityObjectiveKey, securityObjectiveKeys } from './tables.js';

/** The organisation's objective settings, or the defaults (version 0) while it has no row. */
export async function loadObjectiveSettings(db: DbOrTx, organizationId: string): Promise<ObjectiveSettings> {
  const [row] = await db.select().from(assetSettings).where(eq(assetSettings.organizationId, organizationId));
  if (!row) {
    return { objectiveScale: defaultObjectiveScale, enabledObjectives: defaultEnabledObjectives, version: 0 };
  }
  const enabled = new Set(row.enabledObjectives);
  return {
    objectiveScale: [...row.objectiveScale].sort((a, b) => a.level - b.level),
    // In the catalogue's order, whatever order they were saved in.
    enabledObjectives: securityObjectiveKeys.filter((k) => enabled.has(k)),
    version: row.version,
  };
}

/**
 * Who may change the scale: asset:update on the whole organisation. The scale only gives meaning to the levels
 * stored on assets, so whoever may already rewrite every asset may redefine it; organization:update would leave
 * it to owners alone, while the people who run the inventory (managers) hold asset:update at the root.
 */
const mayUpdate = (access: Access) => access.canAtRoot('asset:update');

export function createAssetSettingsService(deps: { db: Database }) {
  const { db } = deps;

  const present = (settings: ObjectiveSettings, access: Access): AssetSettingsDto => ({
    objectiveScale: settings.objectiveScale.map((l) => ({
      level: l.level,
      name: l.name,
      description: l.description ?? null,
    })),
    enabledObjectives: settings.enabledObjectives,
    allObjectives: [...securityObjectiveKeys],
    version: settings.version,
    abilities: { update: mayUpdate(access) },
  });

  return {
    async get(access: Access) {
      if (!access.summary().somewhere.includes('asset:read')) throw forbidden('You may not read assets');
      return present(await loadObjectiveSettings(db, access.organizationId), access);
    },

    async update(access: Access, audit: AuditContext, version: number, input: UpdateAssetSettingsInput) {
      if (!mayUpdate(access))
        throw forbidden('Changing the objective scale needs asset:update on the whole organisation');
      const problems = scaleProblems(input.objectiveScale);
      if (problems.length > 0) throw new AppError('validation_failed', 'The request is not valid', problems);
      const scale = [...input.objectiveScale]
        .sort((a, b) => a.level - b.level)
        .map((l) => ({ level: l.level, name: l.name, description: l.description ?? null }));
      const enabled = securityObjectiveKeys.filter((k) => input.enabledObjectives.includes(k));
      return db.transaction(async (tx) => {
        const before = await loadObjectiveSettings(tx, access.organizationId);
        if (before.version !== version) throw versionConflict();
        await refuseDroppedLevelsInUse(
          tx,
          access.organizationId,
          scale.map((l) => l.level),
        );
        if (before.version === 0) {
          const inserted = await tx
            .insert(assetSettings)
            .values({ organizationId: access.organizationId, objectiveScale: scale, enabledObjectives: enabled })
            .onConflictDoNothing()
            .returning({ version: assetSettings.version });
          if (inserted.length === 0) throw versionConflict();
        } else {
          const updated = await tx
            .update(assetSettings)
            .set({
              objectiveScale: scale,
              enabledObjectives: enabled,
              version: sql`${assetSettings.version} + 1`,
              updatedAt: sql`now()`,
            })
            .where(
              sql`${assetSettings.organizationId} = ${access.organizationId} and ${assetSettings.version} = ${version}`,
            )
            .returning({ version: assetSettings.version });
          if (updated.length === 0) throw versionConflict();
        }
        await recordAudit(tx, audit, {
          organizationId: access.organizationId,
          action: 'asset_settings.updated',
          objectType: 'asset_settings',
          objectId: access.organizationId,
          changes: {
            objectiveScale: { before: before.objectiveScale, after: scale },
            enabledObjectives: { before: before.enabledObjectives, after: enabled },
          },
        });
        return present(await loadObjectiveSettings(tx, access.organizationId), access);
      });
    },
  };
}

/**
 * A level still stored on an asset cannot leave the scale: the asset would carry a number nobody can read. (An
 * objective can be disabled, though: its values stay stored, unused, and come back if it is enabled again.)
 */
async function refuseDroppedLevelsInUse(tx: DbOrTx, organizationId: string, levels: number[]) {
  const [row] = await selectRows<{ n: number; levels: number[] | null }>(
    tx,
    sql`select count(distinct a.id)::int as n, array_agg(distinct (e.value)::int) as levels
        from ${assets} a, jsonb_each(a.security_objectives) e
        where a.organization_id = ${organizationId}
          and not ((e.value)::int = any(${`{${levels.join(',')}}`}::int[]))`,
  );
  if (row && Number(row.n) > 0) {
    throw conflict(
      `Level(s) ${(row.levels ?? []).join(', ')} are still used by ${row.n} asset(s); change those assets first`,
    );
  }
}

export type { SecurityObjectiveKey };
