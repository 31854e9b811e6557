import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { roleBindings, roles } from '../modules/access/tables.js';
import { systemContext } from '../modules/audit/record.js';
import { createOrganization } from '../modules/organizations/service.js';
import { memberships } from '../modules/organizations/tables.js';
import { insertUser } from '../modules/users/queries.js';
import { hashPassword } from '../platform/auth/password.js';
import type { TypedApp } from '../platform/context.js';
import type { DatabaseHandle } from '../platform/db/client.js';
import { call, type Session, sessionCookieOf } from './app.js';

export const TEST_PASSWORD = 'correct horse battery staple';
const unique = () => randomBytes(4).toString('hex');

let cachedHash: Promise<string> | null = null;
/** argon2id is deliberately slow; tests share one hash of the common password. */
const testPasswordHash = () => {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  return cachedHash;
};

export async function createUser(database: DatabaseHandle, overrides: { email?: string; displayName?: string } = {}) {
  const id = unique();
  return insertUser(database.db, {
    email: overrides.email ?? `user-${id}@example.test`,
    displayName: overrides.displayName ?? `User ${id}`,
    passwordHash: await testPasswordHash(),
  });
}

export async function signIn(app: TypedApp, email: string, password = TEST_PASSWORD): Promise<Session> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  expect(response.statusCode, response.body).toBe(200);
  const body = response.json() as { csrfToken: string };
  return { cookie: sessionCookieOf(response), csrfToken: body.csrfToken };
}

/** A fresh organisation with its owner signed in: the starting point of most tests. */
export async function createOrgWithOwner(app: TypedApp, database: DatabaseHandle, name = `Org ${unique()}`) {
  const owner = await createUser(database);
  const { organization, rootFolderId } = await database.db.transaction((tx) =>
    createOrganization(tx, systemContext(), { name, ownerUserId: owner.id }),
  );
  const session = await signIn(app, owner.email);
  session.organizationId = organization.id;
  return { owner, organization, rootFolderId, session };
}

/** Binds `userId` to a built-in role on a folder (and makes them a member unless they are a guest). */
export async function bindRole(
  database: DatabaseHandle,
  params: { organizationId: string; folderId: string; userId: string; role: string; guest?: boolean },
) {
  const [role] = await database.db.select().from(roles).where(eq(roles.builtinKey, params.role));
  if (!role) throw new Error(`no built-in role ${params.role}`);
  if (!params.guest) {
    await database.db
      .insert(memberships)
      .values({ organizationId: params.organizationId, userId: params.userId })
      .onConflictDoNothing();
  }
  await database.db.insert(roleBindings).values({
    organizationId: params.organizationId,
    folderId: params.folderId,
    roleId: role.id,
    userId: params.userId,
  });
}

/** Binds an organisation-specific role holding exactly `permissions` to a member on `folderId`. */
export async function grantPermissions(
  database: DatabaseHandle,
  params: { organizationId: string; folderId: string; userId: string; permissions: string[] },
) {
  const [role] = await database.db
    .insert(roles)
    .values({ organizationId: params.organizationId, name: `Role ${unique()}`, permissions: params.permissions })
    .returning({ id: roles.id });
  if (!role) throw new Error('role not inserted');
  await database.db
    .insert(memberships)
    .values({ organizationId: params.organizationId, userId: params.userId })
    .onConflictDoNothing();
  await database.db.insert(roleBindings).values({
    organizationId: params.organizationId,
    folderId: params.folderId,
    roleId: role.id,
    userId: params.userId,
  });
  return role.id;
}

/** A user with `role` on `folderId`, signed in and acting in that organisation. */
export async function userWithRole(
  app: TypedApp,
  database: DatabaseHandle,
  params: { organizationId: string; folderId: string; role: string; guest?: boolean },
) {
  const user = await createUser(database);
  await bindRole(database, { ...params, userId: user.id });
  const session = await signIn(app, user.email);
  session.organizationId = params.organizationId;
  return { user, session };
}

export async function createFolder(app: TypedApp, session: Session, parentId: string, name = `Folder ${unique()}`) {
  const response = await call(app, session, { method: 'POST', url: '/api/v1/folders', payload: { parentId, name } });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; version: number; name: string };
}
