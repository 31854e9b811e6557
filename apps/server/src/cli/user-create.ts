import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import { recordAudit, systemContext } from '../modules/audit/record.js';
import { createOrganization } from '../modules/organizations/service.js';
import { displayNameSchema, emailSchema } from '../modules/users/contracts.js';
import { findUserByEmail, insertUser } from '../modules/users/queries.js';
import { hashPassword, passwordProblems } from '../platform/auth/password.js';
import type { DatabaseHandle } from '../platform/db/client.js';
import { CliError, cliConfig, withDatabase } from './shared.js';

export interface CreateUserInput {
  email: string;
  name: string;
  password: string;
  organizationName?: string;
}

/** Creates a user (and optionally an organisation they own) in one audited transaction. */
export async function createUserFromCli(database: DatabaseHandle, input: CreateUserInput) {
  const email = emailSchema.safeParse(input.email);
  if (!email.success) throw new CliError(`--email: ${email.error.issues[0]?.message ?? 'invalid'}`);
  const name = displayNameSchema.safeParse(input.name);
  if (!name.success) throw new CliError(`--name: ${name.error.issues[0]?.message ?? 'invalid'}`);
  const problems = passwordProblems(input.password, email.data);
  if (problems.length > 0) throw new CliError(`--password: ${problems.join('; ')}`);
  const organizationName = input.organizationName?.trim();
  if (organizationName !== undefined && (organizationName.length === 0 || organizationName.length > 200)) {
    throw new CliError('--org: 1 to 200 characters');
  }

  const passwordHash = await hashPassword(input.password);
  return database.db.transaction(async (tx) => {
    if (await findUserByEmail(tx, email.data)) throw new CliError(`A user with e-mail ${email.data} already exists`);
    const user = await insertUser(tx, { email: email.data, displayName: name.data, passwordHash });
    const audit = systemContext();
    const created = organizationName
      ? await createOrganization(tx, audit, { name: organizationName, ownerUserId: user.id })
      : null;
    await recordAudit(tx, audit, {
      organizationId: created?.organization.id ?? null,
      action: 'user.created',
      objectType: 'user',
      objectId: user.id,
      changes: { email: { after: user.email }, displayName: { after: user.displayName }, via: 'cli' },
    });
    return { user, organization: created?.organization ?? null };
  });
}

/**
 * 24 random characters from an unambiguous alphabet, well past the 12-character minimum; drawn again in the
 * unlikely case the password rules refuse it (e.g. it contains a very short e-mail local part).
 */
export function generatePassword(email: string): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  let password = '';
  // Bounded: a malformed e-mail can make every draw fail, and then the e-mail check reports the real problem.
  for (let attempt = 0; attempt < 50; attempt++) {
    password = Array.from(randomBytes(24), (b) => alphabet[b % alphabet.length]).join('');
    if (passwordProblems(password, email).length === 0) break;
  }
  return password;
}

export function registerUserCommands(program: Command): void {
  const user = program.command('user').description('Manage user accounts.');
  user
    .command('create')
    .description('Create a user account. Without --password a strong password is generated and printed once.')
    .requiredOption('--email <email>', 'e-mail address (the login)')
    .requiredOption('--name <name>', 'display name')
    .option('--password <password>', 'password (12+ characters); omit to generate one')
    .option('--org <name>', 'also create an organisation with this user as its owner')
    .action(async (options: { email: string; name: string; password?: string; org?: string }) => {
      const config = cliConfig();
      const password = options.password ?? generatePassword(options.email.trim());
      const result = await withDatabase(config, (database) =>
        createUserFromCli(database, {
          email: options.email,
          name: options.name,
          password,
          ...(options.org !== undefined ? { organizationName: options.org } : {}),
        }),
      );
      console.log(`Created user ${result.user.email} (${result.user.id}).`);
      if (result.organization) {
        console.log(`Created organisation "${result.organization.name}" (${result.organization.id}), owned by them.`);
      }
      if (!options.password) console.log(`Password: ${password}\n(shown once; ask them to change it)`);
    });
}
