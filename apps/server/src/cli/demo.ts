import type { Command } from 'commander';
import { eq } from 'drizzle-orm';
import { accessFor } from '../modules/access/access.js';
import type { BuiltinRole } from '../modules/access/permissions-catalog.js';
import { roleBindings, roles } from '../modules/access/tables.js';
import { recordAudit, systemContext } from '../modules/audit/record.js';
import { createFolderService } from '../modules/folders/service.js';
import { createOrganization, listOrganizationsOfUser } from '../modules/organizations/service.js';
import { memberships } from '../modules/organizations/tables.js';
import { findUserByEmail, insertUser } from '../modules/users/queries.js';
import { hashPassword } from '../platform/auth/password.js';
import type { Database, DatabaseHandle, Transaction } from '../platform/db/client.js';
import { UsageHooks } from '../platform/usage.js';
import { cliConfig, withDatabase } from './shared.js';

export const DEMO_ORGANIZATION = 'Acme Corp (demo)';
export const DEMO_PASSWORD = 'Rampart-Demo-Pass-2025';

/** Folder names under the root; a person below is bound on the folder they are named with. */
const folderTree: Record<string, string[]> = {
  'Information Security': ['ISMS', 'Cloud Platform'],
  Operations: ['Datacenter', 'Suppliers'],
  'Human Resources': [],
};

const people: { email: string; name: string; role: BuiltinRole['key']; folder: string | null }[] = [
  { email: 'owner@acme.example', name: 'Olivia Owner', role: 'owner', folder: null },
  { email: 'manager@acme.example', name: 'Mateo Manager', role: 'manager', folder: 'Information Security' },
  { email: 'contributor@acme.example', name: 'Chloe Contributor', role: 'contributor', folder: 'ISMS' },
  { email: 'auditor@acme.example', name: 'Arjun Auditor', role: 'auditor', folder: null },
  { email: 'reader@acme.example', name: 'Rosa Reader', role: 'reader', folder: 'Operations' },
];

export interface DemoResult {
  created: boolean;
  organizationId: string;
  logins: { email: string; role: string; scope: string }[];
}

/**
 * Loads a demo organisation with a folder tree and one user per built-in role. Idempotent: when the demo owner
 * already belongs to the demo organisation nothing is written. All or nothing, in one audited transaction.
 */
export async function loadDemo(database: DatabaseHandle): Promise<DemoResult> {
  const logins = people.map((p) => ({ email: p.email, role: p.role, scope: p.folder ?? DEMO_ORGANIZATION }));
  const [first] = people;
  if (!first) throw new Error('no demo people');
  const existingOwner = await findUserByEmail(database.db, first.email);
  if (existingOwner) {
    const orgs = await listOrganizationsOfUser(database.db, existingOwner.id);
    const demo = orgs.find((o) => o.name === DEMO_ORGANIZATION);
    if (demo) return { created: false, organizationId: demo.id, logins };
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return database.db.transaction(async (tx) => {
    const audit = systemContext();
    const userIds = new Map<string, string>();
    const newUsers: { id: string; email: string; displayName: string }[] = [];
    for (const person of people) {
      let user = await findUserByEmail(tx, person.email);
      if (!user) {
        user = await insertUser(tx, { email: person.email, displayName: person.name, passwordHash });
        newUsers.push(user);
      }
      userIds.set(person.email, user.id);
    }
    const ownerId = userIds.get(first.email) ?? '';
    const { organization, rootFolderId } = await createOrganization(tx, audit, {
      name: DEMO_ORGANIZATION,
      ownerUserId: ownerId,
    });
    for (const user of newUsers) {
      await recordAudit(tx, audit, {
        organizationId: organization.id,
        action: 'user.created',
        objectType: 'user',
        objectId: user.id,
        changes: { email: { after: user.email }, displayName: { after: user.displayName }, via: 'demo' },
      });
    }
    const folderIds = await createFolderTree(tx, organization.id, ownerId, rootFolderId);
    for (const person of people.slice(1)) {
      const userId = userIds.get(person.email) ?? '';
      await bindDemoRole(tx, organization.id, userId, person.role, folderIds.get(person.folder ?? '') ?? rootFolderId);
    }
    return { created: true, organizationId: organization.id, logins };
  });
}

async function createFolderTree(tx: Transaction, organizationId: string, ownerId: string, rootFolderId: string) {
  // The folder service runs its own transaction; inside ours that is a savepoint, so the demo stays atomic.
  const service = createFolderService({ db: tx as unknown as Database, usage: new UsageHooks([]) });
  // (The demo only creates folders: no deletion asks the other modules what lives in them.)
  const access = await accessFor(tx, { userId: ownerId, organizationId });
  const ids = new Map<string, string>();
  for (const [name, children] of Object.entries(folderTree)) {
    const parent = await service.create(access, systemContext(), { parentId: rootFolderId, name });
    ids.set(name, parent.id);
    for (const child of children) {
      ids.set(child, (await service.create(access, systemContext(), { parentId: parent.id, name: child })).id);
    }
  }
  return ids;
}

async function bindDemoRole(
  tx: Transaction,
  organizationId: string,
  userId: string,
  roleKey: BuiltinRole['key'],
  folderId: string,
) {
  const [role] = await tx.select({ id: roles.id }).from(roles).where(eq(roles.builtinKey, roleKey));
  if (!role) throw new Error(`built-in role ${roleKey} is missing`);
  await tx.insert(memberships).values({ organizationId, userId }).onConflictDoNothing();
  const [binding] = await tx
    .insert(roleBindings)
    .values({ organizationId, folderId, roleId: role.id, userId })
    .returning({ id: roleBindings.id });
  await recordAudit(tx, systemContext(), {
    organizationId,
    folderId,
    action: 'role_binding.created',
    objectType: 'role_binding',
    objectId: binding?.id ?? null,
    changes: { userId: { after: userId }, role: { after: roleKey }, folderId: { after: folderId }, via: 'demo' },
  });
}

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('Load a demo organisation (a folder tree and one user per built-in role). Safe to run twice.')
    .action(async () => {
      const config = cliConfig();
      const result = await withDatabase(config, loadDemo);
      console.log(
        result.created
          ? `Loaded "${DEMO_ORGANIZATION}" (${result.organizationId}).`
          : `"${DEMO_ORGANIZATION}" is already loaded (${result.organizationId}); nothing changed.`,
      );
      console.log(`\nLogins (password for all: ${DEMO_PASSWORD}):`);
      for (const login of result.logins) {
        console.log(`  ${login.email.padEnd(26)} ${login.role.padEnd(12)} on ${login.scope}`);
      }
      console.log(`\nSign in at ${config.publicUrl}`);
    });
}
