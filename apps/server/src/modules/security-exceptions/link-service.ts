import type { Database, DbOrTx } from '../../platform/db/client.js';
import { conflict, notFound } from '../../platform/errors.js';
import type { Access } from '../access/index.js';
import { type AuditContext, recordAudit } from '../audit/index.js';
import { checkLinkable, type LinkKind, linkNoun, readableTargets } from './linkable.js';
import * as q from './queries.js';
import { isEditable } from './rules.js';
import { loadReadableException } from './service.js';

const auditAction = {
  requirementAssessments: 'security_exception.requirement_assessments_changed',
  appliedControls: 'security_exception.applied_controls_changed',
} as const;

/**
 * Links of an exception to requirement assessments and applied controls: security_exception:update, while the
 * exception is editable (draft or expired), no version (idempotent), one audit event per change. Targets the
 * caller cannot read answer 404 and, when already linked, stay untouched.
 */
export function createExceptionLinkService(deps: { db: Database }) {
  const { db } = deps;

  async function change(
    access: Access,
    audit: AuditContext,
    id: string,
    kind: LinkKind,
    plan: (tx: DbOrTx, current: string[]) => Promise<{ add: string[]; remove: string[] }>,
  ) {
    await db.transaction(async (tx) => {
      await q.lockException(tx, access.organizationId, id);
      const exception = await loadReadableException(tx, access, id);
      access.require(
        'security_exception:update',
        exception.folderPath,
        'security_exception:read',
        'Security exception',
      );
      if (!isEditable(exception.row.state)) {
        throw conflict(`The links of a security exception in state ${exception.row.state} cannot change`);
      }
      const table = q.linkTables[kind];
      const current = await table.current(tx, id);
      const { add, remove } = await plan(tx, current);
      if (add.length === 0 && remove.length === 0) return;
      await table.add(tx, id, add);
      await table.remove(tx, id, remove);
      await recordAudit(tx, audit, {
        organizationId: access.organizationId,
        folderId: exception.row.folderId,
        action: auditAction[kind],
        objectType: 'security_exception',
        objectId: id,
        changes: { added: add, removed: remove },
      });
    });
  }

  return {
    replace: (access: Access, audit: AuditContext, id: string, kind: LinkKind, wanted: string[]) =>
      change(access, audit, id, kind, async (tx, current) => {
        const unique = await checkLinkable(tx, access, kind, wanted);
        const visibleCurrent = await readableTargets(tx, access, kind, current);
        return {
          add: unique.filter((t) => !current.includes(t)),
          remove: current.filter((t) => visibleCurrent.has(t) && !unique.includes(t)),
        };
      }),

    add: (access: Access, audit: AuditContext, id: string, kind: LinkKind, targetId: string) =>
      change(access, audit, id, kind, async (tx, current) => {
        await checkLinkable(tx, access, kind, [targetId]);
        return { add: current.includes(targetId) ? [] : [targetId], remove: [] };
      }),

    remove: (access: Access, audit: AuditContext, id: string, kind: LinkKind, targetId: string) =>
      change(access, audit, id, kind, async (tx, current) => {
        if (!current.includes(targetId) || !(await readableTargets(tx, access, kind, [targetId])).has(targetId)) {
          throw notFound(`${linkNoun(kind)} link`);
        }
        return { add: [], remove: [targetId] };
      }),
  };
}
