import { and, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { TypedApp } from '../../platform/context.js';
import type { DatabaseHandle } from '../../platform/db/client.js';
import type { Session } from '../../test/app.js';
import { call } from '../../test/app.js';
import { createUser, signIn } from '../../test/factories.js';
import { auditEvents } from '../audit/tables.js';
import { memberships } from '../organizations/tables.js';
import { roles } from './tables.js';

/** Test helpers for the access and members modules: grant through the real API, read the audit trail. */

export async function builtinRoleId(database: DatabaseHandle, key: string): Promise<string> {
  const [role] = await database.db.select({ id: roles.id }).from(roles).where(eq(roles.builtinKey, key));
  if (!role) throw new Error(`no built-in role ${key}`);
  return role.id;
}

export async function grant(
  app: TypedApp,
  session: Session,
  body: { folderId: string; roleId: string; userId?: string; groupId?: string },
) {
  const response = await call(app, session, { method: 'POST', url: '/api/v1/role-bindings', payload: body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; subject: { guest: boolean } };
}

export async function auditOf(database: DatabaseHandle, organizationId: string, action: string) {
  return database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.organizationId, organizationId), eq(auditEvents.action, action)));
}

/** Every listed route answers 401 without credentials, as problem+json (bodies must be valid: they are parsed first). */
export async function expectAllUnauthenticated(app: TypedApp, routes: [string, string, object?][]) {
  for (const [method, url, payload] of routes) {
    const response = await app.inject({
      method: method as 'GET',
      url: `/api/v1${url}`,
      ...(payload ? { payload } : {}),
    });
    expect(response.statusCode, `${method} ${url}`).toBe(401);
    expect(response.headers['content-type']).toContain('application/problem+json');
  }
}

/** A member of the organisation with no binding yet, signed in and acting in it. */
export async function memberWithoutRole(app: TypedApp, database: DatabaseHandle, organizationId: string) {
  const user = await createUser(database);
  await database.db.insert(memberships).values({ organizationId, userId: user.id });
  const session = await signIn(app, user.email);
  session.organizationId = organizationId;
  return { user, session };
}
