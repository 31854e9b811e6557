import { boolean, index, integer, pgTable, uuid, varchar } from 'drizzle-orm/pg-core';
import { idColumn, tstz } from '../../platform/db/columns.js';
import { organizations } from '../organizations/tables.js';
import { users } from '../users/tables.js';

/**
 * Server-side sessions, so any app node can validate any cookie. The cookie holds a random token; only its
 * SHA-256 is stored (`id`), so a database leak does not hand out live sessions.
 */
export const sessions = pgTable(
  'sessions',
  {
    id: varchar({ length: 64 }).primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Password accepted but the TOTP step is still owed: such a session can only call the TOTP login step. */
    pendingTotp: boolean().notNull().default(false),
    /** Organisation selected in the switcher; requests may override it with the X-Organization-Id header. */
    currentOrganizationId: uuid().references(() => organizations.id, { onDelete: 'set null' }),
    csrfToken: varchar({ length: 64 }).notNull(),
    ip: varchar({ length: 64 }),
    userAgent: varchar({ length: 512 }),
    createdAt: tstz().notNull().defaultNow(),
    lastSeenAt: tstz().notNull().defaultNow(),
    expiresAt: tstz().notNull(),
  },
  (t) => [index().on(t.userId), index().on(t.currentOrganizationId), index().on(t.expiresAt)],
);

/** Failed-login counters per key (`account:<email>` or `ip:<addr>`), shared by all nodes. */
export const loginThrottle = pgTable('login_throttle', {
  key: varchar({ length: 400 }).primaryKey(),
  failures: integer().notNull().default(0),
  windowStartedAt: tstz().notNull().defaultNow(),
  lockedUntil: tstz(),
});

export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: idColumn(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: varchar({ length: 64 }).notNull(),
    usedAt: tstz(),
    createdAt: tstz().notNull().defaultNow(),
  },
  (t) => [index().on(t.userId)],
);

/** One-time tokens for e-mailed links (password reset); stored hashed, expiring, consumed once. */
export const passwordResetTokens = pgTable(
  'password_reset_tokens',
  {
    id: idColumn(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: varchar({ length: 64 }).notNull().unique(),
    expiresAt: tstz().notNull(),
    usedAt: tstz(),
    createdAt: tstz().notNull().defaultNow(),
  },
  (t) => [index().on(t.userId)],
);
