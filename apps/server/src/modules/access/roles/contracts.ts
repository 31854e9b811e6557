import { z } from 'zod';
import { isKnownPermission } from '../permissions-catalog.js';

export const roleName = z.string().trim().min(1).max(100);
const roleDescription = z.string().trim().max(2000);

/** `object_type:action` from the catalogue, or `*`; an unknown one is refused naming the item. */
export const permissionItem = z
  .string()
  .trim()
  .max(100)
  .refine(isKnownPermission, { error: (issue) => `Unknown permission "${String(issue.input)}"` });

const permissionList = z
  .array(permissionItem)
  .max(500)
  .transform((items) => [...new Set(items)].sort());

export const roleSchema = z.object({
  id: z.uuid(),
  /** Stable key of a built-in role (owner, manager, contributor, auditor, reader); null for custom roles. */
  key: z.string().nullable(),
  builtin: z.boolean(),
  name: z.string(),
  description: z.string().nullable(),
  permissions: z.array(z.string()),
  /** How many bindings of this organisation use the role (a bound role cannot be deleted). */
  bindingCount: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
  version: z.number().int(),
  abilities: z.object({ update: z.boolean(), delete: z.boolean() }),
});
export type RoleDto = z.infer<typeof roleSchema>;

export const roleIdParams = z.object({ id: z.uuid() });

export const createRoleBody = z.strictObject({
  name: roleName,
  description: roleDescription.optional(),
  permissions: permissionList,
});

export const updateRoleBody = z.strictObject({
  version: z.number().int().min(1).optional(),
  name: roleName.optional(),
  description: roleDescription.nullable().optional(),
  permissions: permissionList.optional(),
});

export const roleList = z.object({ items: z.array(roleSchema), nextCursor: z.null() });

export const permissionCatalogSchema = z.object({
  objectTypes: z.array(z.string()),
  actions: z.array(z.string()),
  /** Every grantable permission (`object_type:action`), plus `*` meaning everything. */
  permissions: z.array(z.string()),
});
