import { and, inArray, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../platform/db/client.js';
import { memberships } from '../organizations/index.js';
import { users } from '../users/index.js';
import { Access, loadGrants } from './access.js';
import type { Permission } from './permissions-catalog.js';

/**
 * Who may be named on an object (owner, author, approver, recipient of a reminder): the one place that answers
 * it, with the rule spelled out by the caller. Members count whatever their status unless `activeOnly` (an
 * ownership outlives a suspension; a reminder or a decision does not); guests — people outside the organisation
 * holding a role binding of their own in it, such as an external auditor — count only where `guests` says so
 * (they may author an assessment, not own a control).
 */
export interface PeopleRule {
  guests?: boolean;
  activeOnly?: boolean;
}

export interface Person {
  id: string;
  displayName: string;
  email: string;
}

const unique = (ids: readonly (string | null | undefined)[]) => [
  ...new Set(ids.filter((id): id is string => typeof id === 'string')),
];

/** An SQL condition: the user in `userId` is a person of the organisation under `rule`. */
export function isPersonOf(organizationId: AnyPgColumn | string, userId: AnyPgColumn, rule: PeopleRule = {}): SQL {
  const member = sql`exists (select 1 from ${memberships} pm where pm.organization_id = ${organizationId}
    and pm.user_id = ${userId}${rule.activeOnly ? sql` and pm.status = 'active'` : sql``})`;
  if (!rule.guests) return member;
  return sql`(${member} or exists (select 1 from role_bindings pb where pb.organization_id = ${organizationId}
    and pb.user_id = ${userId}))`;
}

/** The ids among `ids` that are people of the organisation under `rule`. */
export async function peopleAmong(
  db: DbOrTx,
  organizationId: string,
  ids: readonly (string | null | undefined)[],
  rule: PeopleRule = {},
): Promise<Set<string>> {
  const wanted = unique(ids);
  if (wanted.length === 0) return new Set();
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, wanted), isPersonOf(organizationId, users.id, rule)));
  return new Set(rows.map((r) => r.id));
}

/** The people among `ids` under `rule`, with their names, ordered by e-mail (e.g. the recipients of a reminder). */
export function peopleNamed(
  db: DbOrTx,
  organizationId: string,
  ids: readonly (string | null | undefined)[],
  rule: PeopleRule = {},
): Promise<Person[]> {
  const wanted = unique(ids);
  if (wanted.length === 0) return Promise.resolve([]);
  return db
    .select({ id: users.id, displayName: users.displayName, email: users.email })
    .from(users)
    .where(and(inArray(users.id, wanted), isPersonOf(organizationId, users.id, rule)))
    .orderBy(users.email);
}

/** Every member of the organisation under `rule` (imports and exports name people by e-mail). */
export function peopleOf(db: DbOrTx, organizationId: string, rule: PeopleRule = {}): Promise<Person[]> {
  return db
    .select({ id: users.id, displayName: users.displayName, email: users.email })
    .from(users)
    .where(isPersonOf(organizationId, users.id, rule))
    .orderBy(users.email);
}

/** Names and addresses of users, whatever their membership (the people an existing record names). */
export async function personsByIds(db: DbOrTx, ids: readonly (string | null)[]): Promise<Map<string, Person>> {
  const wanted = unique(ids);
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, displayName: users.displayName, email: users.email })
    .from(users)
    .where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * Whether `userId` is a member of the organisation who holds `permission` on the folder at `folderPath` (a
 * suspended member holds nothing: their grants do not apply).
 */
export async function memberCan(
  db: DbOrTx,
  organizationId: string,
  userId: string,
  permission: Permission,
  folderPath: string,
): Promise<boolean> {
  if (!(await peopleAmong(db, organizationId, [userId])).has(userId)) return false;
  return new Access(userId, organizationId, await loadGrants(db, userId, organizationId)).can(permission, folderPath);
}
