import type { Clock } from '../../platform/clock.js';
import type { Database, DbOrTx } from '../../platform/db/client.js';
import { AppError, conflict } from '../../platform/errors.js';
import { type Cursor, encodeCursor, parseSort } from '../../platform/http/pagination.js';
import type { Access, Person } from '../access/index.js';
import { personsByIds } from '../access/index.js';
import {
  type AuditContext,
  createdFields,
  deleteAudited,
  diffFields,
  recordAudit,
  updateAudited,
} from '../audit/index.js';
import type { DecisionRecordKind, DecisionRow, Found } from './kind.js';
import { todayOf } from './lifecycle.js';
import { checkLinkable } from './links.js';
import * as q from './record-queries.js';
import { abilitiesOf, auditable, checkNamedPerson, linkVisibility, loadReadable, targetFolder } from './records.js';

/** The list query once parsed: the filters every kind has, plus the kind's own (read by its `listFilters`). */
export type DecisionListParams = {
  q?: string;
  state?: string;
  folderId?: string;
  approverId?: string;
  ownerId?: string;
  /** Waiting for the caller's decision: in review, the caller named as approver. */
  awaitingMe?: boolean;
  sort: string;
  cursor: Cursor | null;
  limit: number;
} & Record<string, unknown>;

/** Create, read, list, edit and delete of one kind of decision record: the same code for every kind. */
export function createDecisionRecordService<S extends string, Row extends DecisionRow<S>, L extends string, Summary>(
  kind: DecisionRecordKind<S, Row, L, Summary>,
  deps: { db: Database; clock: Clock },
) {
  const { db, clock } = deps;
  const { table, objectType, permissions, lifecycle, messages } = kind;
  const today = () => todayOf(clock.now());
  const linkNames = Object.keys(kind.links) as L[];
  const shownPeople = (row: Row) => [
    ...kind.people.map((p) => row[p.field as keyof Row] as string | null),
    row.decidedById,
  ];

  const present = (found: Found<Row, L>, people: Map<string, Person>, access: Access) =>
    kind.present(found, {
      people,
      abilities: abilitiesOf(kind, access, found.folderPath, found.row),
      today: today(),
    });

  async function detail(tx: DbOrTx, access: Access, id: string) {
    const found = await loadReadable(tx, kind, access, id);
    const people = await personsByIds(tx, shownPeople(found.row));
    const visible = linkVisibility(kind, access);
    const linked: Partial<Record<L, unknown[]>> = {};
    for (const name of linkNames) linked[name] = await kind.links[name].listLinked(tx, id, visible[name]);
    return { ...present(found, people, access), ...(linked as Record<L, unknown[]>) };
  }

  return {
    detail: (access: Access, id: string) => detail(db, access, id),

    async list(access: Access, params: DecisionListParams) {
      const { key, descending } = parseSort<q.DecisionSort>(params.sort);
      const me = (id: string | undefined) => (id === 'me' ? access.userId : id);
      const people: Record<string, string | undefined> = {};
      for (const { field } of kind.people) people[field] = me(params[field]);
      if (params.awaitingMe) people.approverId = access.userId;
      const rows = await q.listRecords<Row, L>(db, kind, {
        q: params.q,
        state: params.awaitingMe ? kind.review.state : params.state,
        folderId: params.folderId,
        people,
        linkedTo: Object.fromEntries(linkNames.map((name) => [name, params[kind.links[name].filterParam] as string])),
        more: kind.listFilters(params, today()),
        organizationId: access.organizationId,
        visible: access.visibleFolderIds(permissions.read),
        links: linkVisibility(kind, access),
        sort: key,
        descending,
        cursor: params.cursor,
        limit: params.limit,
      });
      const items = rows.slice(0, params.limit);
      const names = await personsByIds(
        db,
        items.flatMap((r) => shownPeople(r.row)),
      );
      const last = items[items.length - 1];
      return {
        items: items.map((r) => present(r, names, access)),
        nextCursor: rows.length > params.limit && last ? encodeCursor({ v: last.sortCursor, id: last.row.id }) : null,
      };
    },

    async create(access: Access, audit: AuditContext, input: { folderId: string } & Record<string, unknown>) {
      return db.transaction(async (tx) => {
        const folder = await targetFolder(tx, kind, access, input.folderId);
        for (const { field } of kind.people) {
          await checkNamedPerson(tx, kind, access.organizationId, field, (input[field] as string) ?? null, folder.path);
        }
        const fields: Record<string, unknown> = { ...input };
        const linkIds: Record<string, string[]> = {};
        for (const name of linkNames) {
          const { inputField } = kind.links[name];
          linkIds[inputField] = await checkLinkable(tx, access, kind.links[name], input[inputField] as string[]);
          delete fields[inputField];
        }
        const [inserted] = await tx
          .insert(table)
          .values({
            ...fields,
            organizationId: access.organizationId,
            folderId: folder.id,
            state: lifecycle.initial,
            createdById: access.userId,
          })
          .returning();
        const row = inserted as Row | undefined;
        if (!row) throw new Error('insert returned no row');
        for (const name of linkNames) {
          await q.addLinks(tx, kind.links[name], row.id, linkIds[kind.links[name].inputField] ?? []);
        }
        await recordAudit(tx, audit, {
          organizationId: access.organizationId,
          folderId: row.folderId,
          action: `${objectType}.created`,
          objectType,
          objectId: row.id,
          changes: createdFields({ ...auditable(row), ...linkIds }),
        });
        return detail(tx, access, row.id);
      });
    },

    async update(
      access: Access,
      audit: AuditContext,
      id: string,
      version: number,
      input: { folderId?: string } & Record<string, unknown>,
    ) {
      return db.transaction(async (tx) => {
        const before = await loadReadable(tx, kind, access, id);
        access.require(permissions.update, before.folderPath, permissions.read, kind.noun);
        if (!lifecycle.isEditable(before.row.state)) throw conflict(messages.notEditable(before.row.state));
        const moving = input.folderId !== undefined && input.folderId !== before.row.folderId;
        const path =
          moving && input.folderId ? (await targetFolder(tx, kind, access, input.folderId)).path : before.folderPath;
        // A move re-checks the people kept too: they must hold their permission in the new folder.
        for (const { field } of kind.people) {
          const value = (input[field] === undefined ? before.row[field as keyof Row] : input[field]) as string | null;
          if (input[field] !== undefined || moving) {
            await checkNamedPerson(tx, kind, access.organizationId, field, value, path);
          }
        }
        await updateAudited(tx, audit, {
          table,
          id,
          version,
          set: input,
          event: (after) => ({
            organizationId: access.organizationId,
            folderId: after.folderId as string,
            action: moving ? `${objectType}.moved` : `${objectType}.updated`,
            objectType,
          }),
          // The kind's row type is the engine's parameter, not the generic table's: the diff is taken on it.
          changes: (after) => diffFields(auditable(before.row), auditable(after as unknown as Row)),
        });
        return detail(tx, access, id);
      });
    },

    async remove(access: Access, audit: AuditContext, id: string, version: number) {
      await db.transaction(async (tx) => {
        const found = await loadReadable(tx, kind, access, id);
        const { state } = found.row;
        const problem = lifecycle.deleteProblem(state, {
          delete: access.can(permissions.delete, found.folderPath),
          approve: access.can(permissions.approve, found.folderPath),
        });
        if (problem === 'state') throw conflict(messages.deleteLive(state));
        if (problem === 'permission') throw new AppError('forbidden', messages.deleteForbidden(state));
        await deleteAudited(tx, audit, {
          table,
          id,
          version,
          event: {
            organizationId: access.organizationId,
            folderId: found.row.folderId,
            action: `${objectType}.deleted`,
            objectType,
          },
          changes: { name: { before: found.row.name }, state: { before: state } },
        });
      });
    },
  };
}
