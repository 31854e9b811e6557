import { and, eq } from 'drizzle-orm';
import type { Database, DbOrTx } from '../../platform/db/client.js';
import { invalid, notFound } from '../../platform/errors.js';
import type { Access } from '../access/index.js';
import { type AuditContext, recordAudit } from '../audit/index.js';
import { addEvidenceLinks, evidenceForLinking, linkedEvidenceIds, removeEvidenceLinks } from '../evidence/index.js';
import { libraryLinkTables, visibleReferenceControlIds, visibleRequirementIds } from './link-queries.js';
import { loadReadableControl } from './service.js';
import { appliedControls } from './tables.js';

export type LinkKind = 'requirements' | 'referenceControls' | 'evidence';

interface LinkStore {
  /** Singular noun for messages and 404s. */
  what: string;
  /** Body field named in a 400. */
  field: string;
  audit: `applied_control.${string}`;
  /** Which of `ids` the caller may link to (in the organisation's reach and readable). */
  linkable(db: DbOrTx, access: Access, ids: string[]): Promise<Set<string>>;
  current(db: DbOrTx, controlId: string): Promise<string[]>;
  add(db: DbOrTx, controlId: string, ids: string[]): Promise<void>;
  remove(db: DbOrTx, controlId: string, ids: string[]): Promise<void>;
}

const stores: Record<LinkKind, LinkStore> = {
  requirements: {
    what: 'Requirement',
    field: 'body.requirementNodeIds',
    audit: 'applied_control.requirements_changed',
    linkable: (db, access, ids) => visibleRequirementIds(db, access.organizationId, ids),
    ...libraryLinkTables.requirements,
  },
  referenceControls: {
    what: 'Reference control',
    field: 'body.referenceControlIds',
    audit: 'applied_control.reference_controls_changed',
    linkable: (db, access, ids) => visibleReferenceControlIds(db, access.organizationId, ids),
    ...libraryLinkTables.referenceControls,
  },
  evidence: {
    what: 'Evidence',
    field: 'body.evidenceIds',
    audit: 'applied_control.evidence_changed',
    async linkable(db, access, ids) {
      const rows = await evidenceForLinking(db, access.organizationId, ids);
      return new Set(rows.filter((r) => access.can('evidence:read', r.folderPath)).map((r) => r.id));
    },
    current: linkedEvidenceIds,
    add: addEvidenceLinks,
    remove: removeEvidenceLinks,
  },
};

/**
 * Links of a control (requirements, reference controls, evidence). They are sub-resources: changing them needs
 * applied_control:update but no version (adding or removing one link is idempotent and commutes with edits of
 * the control's fields), and each change is one audit event listing what was added and removed.
 */
export function createControlLinkService(deps: { db: Database }) {
  const { db } = deps;

  async function change(
    access: Access,
    audit: AuditContext,
    controlId: string,
    kind: LinkKind,
    plan: (
      current: string[],
      linkable: (ids: string[]) => Promise<Set<string>>,
    ) => Promise<{ add: string[]; remove: string[] }>,
  ) {
    const store = stores[kind];
    await db.transaction(async (tx) => {
      // Changes of one control's links run one after another: each reads the current set and writes a
      // difference, so two interleaved replaces would otherwise end as the union of both. `no key update` is
      // the lightest lock that excludes itself; rows elsewhere citing the control (key share) are not blocked.
      await tx
        .select({ id: appliedControls.id })
        .from(appliedControls)
        .where(and(eq(appliedControls.id, controlId), eq(appliedControls.organizationId, access.organizationId)))
        .for('no key update');
      const control = await loadReadableControl(tx, access, controlId);
      access.require('applied_control:update', control.folderPath, 'applied_control:read', 'Applied control');
      const current = await store.current(tx, controlId);
      const { add, remove } = await plan(current, (ids) => store.linkable(tx, access, ids));
      if (add.length === 0 && remove.length === 0) return;
      await store.add(tx, controlId, add);
      await store.remove(tx, controlId, remove);
      await recordAudit(tx, audit, {
        organizationId: access.organizationId,
        folderId: control.row.folderId,
        action: store.audit,
        objectType: 'applied_control',
        objectId: controlId,
        changes: { added: add, removed: remove },
      });
    });
  }

  return {
    /** Replaces the set. Links the caller cannot see (evidence outside their folders) are left alone. */
    replace(access: Access, audit: AuditContext, controlId: string, kind: LinkKind, wanted: string[]) {
      const store = stores[kind];
      return change(access, audit, controlId, kind, async (current, linkable) => {
        const unique = [...new Set(wanted)];
        const allowed = await linkable(unique);
        const refused = unique.filter((id) => !allowed.has(id));
        if (refused.length > 0) throw invalid(store.field, `Not found or not linkable: ${refused.join(', ')}`);
        const visibleCurrent = await linkable(current);
        return {
          add: unique.filter((id) => !current.includes(id)),
          remove: current.filter((id) => visibleCurrent.has(id) && !unique.includes(id)),
        };
      });
    },

    add(access: Access, audit: AuditContext, controlId: string, kind: LinkKind, targetId: string) {
      return change(access, audit, controlId, kind, async (current, linkable) => {
        if (!(await linkable([targetId])).has(targetId)) throw notFound(stores[kind].what);
        return { add: current.includes(targetId) ? [] : [targetId], remove: [] };
      });
    },

    remove(access: Access, audit: AuditContext, controlId: string, kind: LinkKind, targetId: string) {
      return change(access, audit, controlId, kind, async (current, linkable) => {
        if (!current.includes(targetId) || !(await linkable([targetId])).has(targetId)) {
          throw notFound(`${stores[kind].what} link`);
        }
        return { add: [], remove: [targetId] };
      });
    },
  };
}

export type ControlLinkService = ReturnType<typeof createControlLinkService>;
