import { eq } from 'drizzle-orm';
import type { Database, DbOrTx } from '../../platform/db/client.js';
import { invalid } from '../../platform/errors.js';
import { encodeCursor, parseSort } from '../../platform/http/pagination.js';
import type { UsageHooks } from '../../platform/usage.js';
import type { Access } from '../access/index.js';
import { peopleAmong, readableOr404 } from '../access/index.js';
import {
  type AuditContext,
  createdFields,
  deleteAudited,
  recordAudit,
  setChange,
  updateAudited,
} from '../audit/index.js';
import { evidenceOfControl } from '../evidence/index.js';
import { folderById } from '../folders/index.js';
import type { AppliedControlDto, CreateControlInput, UpdateControlInput } from './contracts.js';
import { referenceControlsOfControl, requirementsOfControl } from './link-queries.js';
import { type Person, toControlSummary } from './presenter.js';
import * as q from './queries.js';
import { appliedControls } from './tables.js';
import { appliedControlDeletion } from './usage.js';

type ListParams = Omit<
  Parameters<typeof q.listControls>[1],
  'organizationId' | 'visible' | 'evidenceVisible' | 'sort' | 'descending'
> & {
  sort: string;
};

/** The date order a plan must respect; checked on the merged values so a PATCH of one date is checked too. */
export function checkDates(values: { startDate?: string | null; eta?: string | null }) {
  if (values.startDate && values.eta && values.eta < values.startDate) {
    throw invalid('body.eta', 'The ETA cannot be before the start date');
  }
}

export async function checkOwners(db: DbOrTx, organizationId: string, ownerIds: string[] | undefined) {
  if (!ownerIds) return undefined;
  const unique = [...new Set(ownerIds)];
  const members = await peopleAmong(db, organizationId, unique);
  const strangers = unique.filter((id) => !members.has(id));
  if (strangers.length > 0) {
    throw invalid('body.ownerIds', `Not members of the organisation: ${strangers.join(', ')}`);
  }
  return unique;
}

/** Replaces the control's owners and says what changed, for its audit event. */
async function replaceOwners(tx: DbOrTx, id: string, ownerIds: string[]) {
  const previous = (await q.ownersOf(tx, [id])).map((o) => o.id);
  await q.replaceOwners(tx, id, ownerIds);
  return setChange('ownerIds', previous, ownerIds);
}

/** Loads a control the caller may read, or 404 (another organisation's, or outside the caller's folders). */
export async function loadReadableControl(db: DbOrTx, access: Access, id: string) {
  return readableOr404(
    await q.findControl(db, access.organizationId, id, access.visibleFolderIds('evidence:read')),
    access,
    'applied_control:read',
    'Applied control',
  );
}

const auditable = (row: q.ControlRow) => {
  const { id: _id, organizationId: _o, createdAt: _c, updatedAt: _u, version: _v, ...fields } = row;
  return fields;
};

export function createControlService(deps: { db: Database; usage: UsageHooks }) {
  const { db } = deps;

  async function ownersByControl(db: DbOrTx, ids: string[]) {
    const map = new Map<string, Person[]>();
    for (const owner of await q.ownersOf(db, ids)) {
      const list = map.get(owner.appliedControlId) ?? [];
      list.push(owner);
      map.set(owner.appliedControlId, list);
    }
    return map;
  }

  async function detail(tx: DbOrTx, access: Access, id: string): Promise<AppliedControlDto> {
    const found = await loadReadableControl(tx, access, id);
    const [owners, requirements, referenceControls, evidence] = [
      await ownersByControl(tx, [id]),
      await requirementsOfControl(tx, id),
      await referenceControlsOfControl(tx, id),
      await evidenceOfControl(tx, id, access.visibleFolderIds('evidence:read')),
    ];
    return {
      ...toControlSummary(found, owners.get(id) ?? [], access),
      requirements: requirements.map((r) => ({
        id: r.id,
        urn: r.urn,
        refId: r.refId,
        name: r.name,
        framework: {
          id: r.frameworkId,
          refId: r.frameworkRefId,
          name: r.frameworkName,
          frameworkVersion: r.frameworkVersion,
        },
      })),
      referenceControls,
      evidence,
    };
  }

  async function targetFolder(tx: DbOrTx, access: Access, folderId: string) {
    const folder = readableOr404(
      await folderById(tx, access.organizationId, folderId),
      access,
      'folder:read',
      'Folder',
      (found) => found.path,
    );
    access.require('applied_control:create', folder.path, 'folder:read', 'Folder');
    return folder;
  }

  return {
    detail: (access: Access, id: string) => detail(db, access, id),

    async list(access: Access, params: ListParams) {
      const { key, descending } = parseSort<q.ControlSort>(params.sort);
      const rows = await q.listControls(db, {
        ...params,
        organizationId: access.organizationId,
        visible: access.visibleFolderIds('applied_control:read'),
        evidenceVisible: access.visibleFolderIds('evidence:read'),
        sort: key,
        descending,
      });
      const items = rows.slice(0, params.limit);
      const owners = await ownersByControl(
        db,
        items.map((r) => r.row.id),
      );
      const last = items[items.length - 1];
      return {
        items: items.map((r) => toControlSummary(r, owners.get(r.row.id) ?? [], access)),
        nextCursor: rows.length > params.limit && last ? encodeCursor({ v: last.sortCursor, id: last.row.id }) : null,
      };
    },

    async create(access: Access, audit: AuditContext, input: CreateControlInput) {
      return db.transaction(async (tx) => {
        const folder = await targetFolder(tx, access, input.folderId);
        checkDates(input);
        const ownerIds = await checkOwners(tx, access.organizationId, input.ownerIds);
        const { ownerIds: _owners, ...fields } = input;
        const [row] = await tx
          .insert(appliedControls)
          .values({ ...fields, organizationId: access.organizationId, folderId: folder.id })
          .returning();
        if (!row) throw new Error('insert returned no row');
        if (ownerIds) await q.replaceOwners(tx, row.id, ownerIds);
        await recordAudit(tx, audit, {
          organizationId: access.organizationId,
          folderId: row.folderId,
          action: 'applied_control.created',
          objectType: 'applied_control',
          objectId: row.id,
          changes: createdFields({ ...auditable(row), ownerIds }),
        });
        return detail(tx, access, row.id);
      });
    },

    async update(access: Access, audit: AuditContext, id: string, version: number, input: UpdateControlInput) {
      return db.transaction(async (tx) => {
        const before = await loadReadableControl(tx, access, id);
        access.require('applied_control:update', before.folderPath, 'applied_control:read', 'Applied control');
        const moving = input.folderId !== undefined && input.folderId !== before.row.folderId;
        if (moving && input.folderId) await targetFolder(tx, access, input.folderId);
        checkDates({
          startDate: input.startDate === undefined ? before.row.startDate : input.startDate,
          eta: input.eta === undefined ? before.row.eta : input.eta,
        });
        const ownerIds = await checkOwners(tx, access.organizationId, input.ownerIds);
        const { ownerIds: _owners, ...fields } = input;
        // Owners first: a stale version throws below and the whole transaction, owners included, rolls back.
        const ownerChange = ownerIds ? await replaceOwners(tx, id, ownerIds) : {};
        await updateAudited(tx, audit, {
          table: appliedControls,
          id,
          version,
          set: fields,
          before: before.row,
          auditable,
          event: (after) => ({
            organizationId: access.organizationId,
            folderId: after.folderId,
            action: moving ? 'applied_control.moved' : 'applied_control.updated',
            objectType: 'applied_control',
          }),
          moreChanges: ownerChange,
        });
        return detail(tx, access, id);
      });
    },

    async remove(access: Access, audit: AuditContext, id: string, version: number) {
      await db.transaction(async (tx) => {
        const found = await loadReadableControl(tx, access, id);
        access.require('applied_control:delete', found.folderPath, 'applied_control:read', 'Applied control');
        await tx
          .select({ id: appliedControls.id })
          .from(appliedControls)
          .where(eq(appliedControls.id, id))
          .for('update');
        await deps.usage.askInTurn(appliedControlDeletion, { tx, access, id });
        await deleteAudited(tx, audit, {
          table: appliedControls,
          id,
          version,
          event: {
            organizationId: access.organizationId,
            folderId: found.row.folderId,
            action: 'applied_control.deleted',
            objectType: 'applied_control',
          },
          changes: { name: { before: found.row.name }, refId: { before: found.row.refId } },
        });
      });
    },
  };
}

export type ControlService = ReturnType<typeof createControlService>;
