import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, primaryKey, text, uuid, varchar } from 'drizzle-orm/pg-core';
import { idColumn, timestamps, versionColumn } from '../../platform/db/columns.js';
import { folders } from '../folders/tables.js';
import { organizations } from '../organizations/tables.js';
import { users } from '../users/tables.js';

/** Primary assets are what the business values; supporting assets are what those rely on. */
export const assetTypes = ['primary', 'supporting'] as const;
export const assetCategories = [
  // primary
  'business_process',
  'information',
  // supporting
  'system',
  'application',
  'service',
  'hardware',
  'network',
  'location',
  'people',
  'organization',
  'other',
] as const;

/** The security objectives an asset can carry; which ones an organisation uses is in `asset_settings`. */
export const securityObjectiveKeys = [
  'confidentiality',
  'integrity',
  'availability',
  'authenticity',
  'proof',
  'privacy',
  'safety',
] as const;
export type SecurityObjectiveKey = (typeof securityObjectiveKeys)[number];
/** Objective → level on the organisation's scale (0 = lowest). Absent key: not rated. */
export type SecurityObjectives = Partial<Record<SecurityObjectiveKey, number>>;

export const assets = pgTable(
  'assets',
  {
    id: idColumn(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    folderId: uuid()
      .notNull()
      .references(() => folders.id, { onDelete: 'restrict' }),
    refId: varchar({ length: 100 }),
    name: varchar({ length: 300 }).notNull(),
    description: text(),
    type: text({ enum: assetTypes }).notNull(),
    category: text({ enum: assetCategories }),
    businessValue: varchar({ length: 300 }),
    securityObjectives: jsonb().$type<SecurityObjectives>().notNull().default(sql`'{}'::jsonb`),
    /** Disaster-recovery objectives, in minutes: recovery time, recovery point, maximum tolerable downtime. */
    rtoMinutes: integer(),
    rpoMinutes: integer(),
    mtdMinutes: integer(),
    tags: text().array().notNull().default(sql`'{}'::text[]`),
    /** Free key → value labels (e.g. environment → production). */
    labels: jsonb().$type<Record<string, string>>().notNull().default(sql`'{}'::jsonb`),
    ...timestamps(),
    version: versionColumn(),
  },
  (t) => [
    // One (organization, sort key, id) index per sort of the inventory, so a page stops after `limit` rows.
    index().on(t.organizationId, t.name, t.id),
    // The ref id sorts nulls last in either direction (platform/http/nullable-keyset.ts), an expression order
    // that a plain (ref_id, id) index cannot serve backwards: one index per direction.
    index('assets_ref_id_sort_index').on(
      t.organizationId,
      sql`(${t.refId} is null)`,
      sql`lower(coalesce(${t.refId}, ''))`,
      t.id,
    ),
    index('assets_ref_id_sort_desc_index').on(
      t.organizationId,
      sql`(${t.refId} is null)`,
      sql`lower(coalesce(${t.refId}, '')) desc`,
      sql`${t.id} desc`,
    ),
    index().on(t.organizationId, t.type, t.id),
    index().on(t.organizationId, t.updatedAt, t.id),
    index().on(t.folderId),
    index('assets_tags_gin').using('gin', t.tags),
  ],
);

export const assetOwners = pgTable(
  'asset_owners',
  {
    assetId: uuid()
      .notNull()
      .references(() => assets.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ name: 'asset_owners_pk', columns: [t.assetId, t.userId] }), index().on(t.userId)],
);

/**
 * The dependency graph: `supportingAssetId` supports `supportedAssetId` (a server supports an application, which
 * supports a business process). Cycles are refused by the service; security objectives flow from supported to
 * supporting assets.
 */
export const assetDependencies = pgTable(
  'asset_dependencies',
  {
    supportingAssetId: uuid()
      .notNull()
      .references(() => assets.id, { onDelete: 'cascade' }),
    supportedAssetId: uuid()
      .notNull()
      .references(() => assets.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ name: 'asset_dependencies_pk', columns: [t.supportingAssetId, t.supportedAssetId] }),
    index().on(t.supportedAssetId),
    check('asset_dependencies_not_self', sql`${t.supportingAssetId} <> ${t.supportedAssetId}`),
  ],
);

/** One level of the organisation's security-objective scale, e.g. 0 "Low", 1 "Medium", 2 "High", 3 "Critical". */
export interface ObjectiveLevel {
  level: number;
  name: string;
  description?: string | null;
}

/** Per-organisation asset settings: the objective scale and which objectives are in use. */
export const assetSettings = pgTable('asset_settings', {
  organizationId: uuid()
    .primaryKey()
    .references(() => organizations.id, { onDelete: 'cascade' }),
  objectiveScale: jsonb().$type<ObjectiveLevel[]>().notNull(),
  enabledObjectives: text().array().notNull(),
  ...timestamps(),
  version: versionColumn(),
});
