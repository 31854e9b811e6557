import type { Database, DbOrTx } from '../../platform/db/client.js';
import { conflict, notFound } from '../../platform/errors.js';
import type { Access } from '../access/index.js';
import { type AuditContext, recordAudit } from '../audit/index.js';
import type { DecisionRecordKind, DecisionRow, LinkKind } from './kind.js';
import { addLinks, linkedIds, lockRecord, removeLinks } from './record-queries.js';
import { loadReadable } from './records.js';

/** Which of `ids` the caller may read (where each target lives, by the link kind's read permission). */
export async function readableTargets(db: DbOrTx, access: Access, link: LinkKind, ids: string[]) {
  return new Set(
    (await link.findForLinking(db, access.organizationId, ids))
      .filter((target) => access.can(link.read, target.folderPath))
      .map((target) => target.id),
  );
}

/** The unique ids, or 404 when one is not a target the caller may read (its existence is not revealed). */
export async function checkLinkable(db: DbOrTx, access: Access, link: LinkKind, ids: string[] | undefined) {
  const unique = [...new Set(ids ?? [])];
  const readable = await readableTargets(db, access, link, unique);
  if (unique.some((id) => !readable.has(id))) throw notFound(link.what);
  return unique;
}

/**
 * The targets a record is linked to. Changing them needs the kind's update permission and the record editable
 * (the approver decides on a fixed scope), no version (each change is idempotent); one audit event per change.
 * The caller must read each target (404 otherwise); targets they cannot read stay linked untouched.
 */
export function createDecisionLinkService<S extends string, Row extends DecisionRow<S>, L extends string>(
  kind: DecisionRecordKind<S, Row, L, unknown>,
  deps: { db: Database },
) {
  const { db } = deps;

  async function change(
    access: Access,
    audit: AuditContext,
    id: string,
    name: L,
    plan: (tx: DbOrTx, current: string[]) => Promise<{ add: string[]; remove: string[] }>,
  ) {
    const link = kind.links[name];
    await db.transaction(async (tx) => {
      await lockRecord(tx, kind.table, access.organizationId, id);
      const record = await loadReadable(tx, kind, access, id);
      access.require(kind.permissions.update, record.folderPath, kind.permissions.read, kind.noun);
      if (!kind.lifecycle.isEditable(record.row.state)) throw conflict(kind.messages.linksFrozen(record.row.state));
      const current = await linkedIds(tx, link, id);
      const { add, remove } = await plan(tx, current);
      if (add.length === 0 && remove.length === 0) return;
      await addLinks(tx, link, id, add);
      await removeLinks(tx, link, id, remove);
      await recordAudit(tx, audit, {
        organizationId: access.organizationId,
        folderId: record.row.folderId,
        action: link.auditAction,
        objectType: kind.objectType,
        objectId: id,
        changes: { added: add, removed: remove },
      });
    });
  }

  return {
    /** Links exactly `wanted` among the targets the caller may read. */
    replace: (access: Access, audit: AuditContext, id: string, name: L, wanted: string[]) =>
      change(access, audit, id, name, async (tx, current) => {
        const unique = await checkLinkable(tx, access, kind.links[name], wanted);
        const visibleCurrent = await readableTargets(tx, access, kind.links[name], current);
        return {
          add: unique.filter((t) => !current.includes(t)),
          remove: current.filter((t) => visibleCurrent.has(t) && !unique.includes(t)),
        };
      }),

    add: (access: Access, audit: AuditContext, id: string, name: L, targetId: string) =>
      change(access, audit, id, name, async (tx, current) => {
        await checkLinkable(tx, access, kind.links[name], [targetId]);
        return { add: current.includes(targetId) ? [] : [targetId], remove: [] };
      }),

    remove: (access: Access, audit: AuditContext, id: string, name: L, targetId: string) =>
      change(access, audit, id, name, async (tx, current) => {
        const link = kind.links[name];
        if (!current.includes(targetId) || !(await readableTargets(tx, access, link, [targetId])).has(targetId)) {
          throw notFound(`${link.what} link`);
        }
        return { add: [], remove: [targetId] };
      }),
  };
}
