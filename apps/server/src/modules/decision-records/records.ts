import type { DbOrTx } from '../../platform/db/client.js';
import { invalid } from '../../platform/errors.js';
import type { Access, Person } from '../access/index.js';
import { memberCan, readableOr404 } from '../access/index.js';
import { folderById } from '../folders/index.js';
import type { DecisionRecordKind, DecisionRow, LinkKind } from './kind.js';
import type { Actor } from './lifecycle.js';
import { findRecord, type LinkVisibility } from './record-queries.js';

/** Any kind, whatever its list item looks like. */
type Kind<S extends string, Row extends DecisionRow<S>, L extends string> = DecisionRecordKind<S, Row, L, unknown>;

/** Folder ids, per link kind, where the caller may read its targets. */
export const linkVisibility = <L extends string>(kind: { links: Record<L, LinkKind> }, access: Access) =>
  Object.fromEntries(
    (Object.keys(kind.links) as L[]).map((name) => [name, access.visibleFolderIds(kind.links[name].read)]),
  ) as LinkVisibility<L>;

/** Loads a record the caller may read, or 404 (another organisation's, or outside the caller's folders). */
export async function loadReadable<S extends string, Row extends DecisionRow<S>, L extends string>(
  db: DbOrTx,
  kind: Kind<S, Row, L>,
  access: Access,
  id: string,
) {
  return readableOr404(
    await findRecord<Row, L>(db, kind, access.organizationId, id, linkVisibility(kind, access)),
    access,
    kind.permissions.read,
    kind.noun,
  );
}

/** The folder a record is created in or moved to: readable (else 404) and allowing creation there (else 403). */
export async function targetFolder<S extends string, Row extends DecisionRow<S>, L extends string>(
  db: DbOrTx,
  kind: Kind<S, Row, L>,
  access: Access,
  folderId: string,
) {
  const folder = readableOr404(
    await folderById(db, access.organizationId, folderId),
    access,
    'folder:read',
    'Folder',
    (found) => found.path,
  );
  access.require(kind.permissions.create, folder.path, 'folder:read', 'Folder');
  return folder;
}

/**
 * A person named in `field` must hold its permission where the record lives (400 naming the field). For the
 * approver that is approve authority — separation of duties: without it, anyone who may edit a record could name
 * themselves and decide their own request.
 */
export async function checkNamedPerson<S extends string, Row extends DecisionRow<S>, L extends string>(
  db: DbOrTx,
  kind: Kind<S, Row, L>,
  organizationId: string,
  field: 'approverId' | 'ownerId',
  userId: string | null,
  path: string,
) {
  const person = kind.people.find((p) => p.field === field);
  if (!userId || !person) return;
  if (!(await memberCan(db, organizationId, userId, person.permission, path))) {
    throw invalid(`body.${field}`, person.message);
  }
}

/** The fields an audit event shows of a row: not its identity, bookkeeping or version. */
export const auditable = (row: DecisionRow) => {
  const { id: _i, organizationId: _o, createdAt: _c, updatedAt: _u, version: _v, ...fields } = row;
  return fields;
};

export const actorOf = <S extends string, Row extends DecisionRow<S>, L extends string>(
  kind: Kind<S, Row, L>,
  access: Access,
  folderPath: string,
  row: { approverId: string | null; ownerId?: string | null },
): Actor => ({
  approverNamed: row.approverId !== null,
  isApprover: row.approverId !== null && row.approverId === access.userId,
  isOwner: row.ownerId != null && row.ownerId === access.userId,
  canUpdate: access.can(kind.permissions.update, folderPath),
  canApprove: access.can(kind.permissions.approve, folderPath),
});

/** What the caller may do with a record now (the UI shows only these actions). */
export function abilitiesOf<S extends string, Row extends DecisionRow<S>, L extends string>(
  kind: Kind<S, Row, L>,
  access: Access,
  folderPath: string,
  row: Row & { ownerId?: string | null },
) {
  const actor = actorOf(kind, access, folderPath, row);
  return {
    update: kind.lifecycle.isEditable(row.state) && actor.canUpdate,
    delete:
      kind.lifecycle.deleteProblem(row.state, {
        delete: access.can(kind.permissions.delete, folderPath),
        approve: actor.canApprove,
      }) === null,
    transitions: kind.lifecycle.allowedTransitions(row.state, actor),
  };
}

/** A person as the contracts show one, or null when the id is empty or not among `people`. */
export const personOf = (people: Map<string, Person>, id: string | null) => {
  const found = id ? people.get(id) : undefined;
  return found ? { id: found.id, displayName: found.displayName, email: found.email } : null;
};
