import type { Database, DbOrTx } from '../../platform/db/client.js';
import { conflict, notFound } from '../../platform/errors.js';
import type { Access } from '../access/index.js';
import { type AuditContext, recordAudit } from '../audit/index.js';
import * as q from './queries.js';
import { isEditable } from './rules.js';
import { scenariosForLinking } from './scenario-lookups.js';
import { checkScenarios, loadReadableAcceptance } from './service.js';

/**
 * The scenarios an acceptance covers. Changing them needs risk_acceptance:update and the acceptance in `created`
 * (the approver decides on a fixed scope), no version (each change is idempotent); one audit event per change.
 * The caller must read each scenario (404 otherwise); scenarios they cannot read stay linked untouched.
 */
export function createScenarioLinkService(deps: { db: Database }) {
  const { db } = deps;

  async function change(
    access: Access,
    audit: AuditContext,
    id: string,
    plan: (tx: DbOrTx, current: string[]) => Promise<{ add: string[]; remove: string[] }>,
  ) {
    await db.transaction(async (tx) => {
      await q.lockAcceptance(tx, access.organizationId, id);
      const acceptance = await loadReadableAcceptance(tx, access, id);
      access.require('risk_acceptance:update', acceptance.folderPath, 'risk_acceptance:read', 'Risk acceptance');
      if (!isEditable(acceptance.row.state)) {
        throw conflict(`The scenarios of a ${acceptance.row.state} risk acceptance cannot change`);
      }
      const current = await q.linkedScenarioIds(tx, id);
      const { add, remove } = await plan(tx, current);
      if (add.length === 0 && remove.length === 0) return;
      await q.addScenarioLinks(tx, id, add);
      await q.removeScenarioLinks(tx, id, remove);
      await recordAudit(tx, audit, {
        organizationId: access.organizationId,
        folderId: acceptance.row.folderId,
        action: 'risk_acceptance.scenarios_changed',
        objectType: 'risk_acceptance',
        objectId: id,
        changes: { added: add, removed: remove },
      });
    });
  }

  const readableAmong = async (tx: DbOrTx, access: Access, ids: string[]) =>
    new Set(
      (await scenariosForLinking(tx, access.organizationId, ids))
        .filter((s) => access.can('risk_scenario:read', s.folderPath))
        .map((s) => s.id),
    );

  return {
    replace: (access: Access, audit: AuditContext, id: string, wanted: string[]) =>
      change(access, audit, id, async (tx, current) => {
        const unique = await checkScenarios(tx, access, wanted);
        const visibleCurrent = await readableAmong(tx, access, current);
        return {
          add: unique.filter((s) => !current.includes(s)),
          remove: current.filter((s) => visibleCurrent.has(s) && !unique.includes(s)),
        };
      }),

    add: (access: Access, audit: AuditContext, id: string, scenarioId: string) =>
      change(access, audit, id, async (tx, current) => {
        await checkScenarios(tx, access, [scenarioId]);
        return { add: current.includes(scenarioId) ? [] : [scenarioId], remove: [] };
      }),

    remove: (access: Access, audit: AuditContext, id: string, scenarioId: string) =>
      change(access, audit, id, async (tx, current) => {
        if (!current.includes(scenarioId) || !(await readableAmong(tx, access, [scenarioId])).has(scenarioId)) {
          throw notFound('Risk scenario link');
        }
        return { add: [], remove: [scenarioId] };
      }),
  };
}
