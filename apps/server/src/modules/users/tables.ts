import { sql } from 'drizzle-orm';
import { boolean, pgTable, text, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import { idColumn, timestamps, tstz, versionColumn } from '../../platform/db/columns.js';

/** Users are global identities; they reach organisations through memberships and role bindings. */
export const users = pgTable(
  'users',
  {
    id: idColumn(),
    email: varchar({ length: 320 }).notNull(),
    displayName: varchar({ length: 200 }).notNull(),
    /** argon2id PHC string; null until an invited user sets a password. */
    passwordHash: text(),
    locale: varchar({ length: 10 }).notNull().default('en'),
    /** Base32 TOTP secret, set during enrolment; `totpEnabled` flips only after a verified code. */
    totpSecret: text(),
    totpEnabled: boolean().notNull().default(false),
    disabled: boolean().notNull().default(false),
    lastLoginAt: tstz(),
    passwordChangedAt: tstz(),
    ...timestamps(),
    version: versionColumn(),
  },
  (t) => [uniqueIndex('users_email_unique').on(sql`lower(${t.email})`)],
);
