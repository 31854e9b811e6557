import { z } from 'zod';

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(320)
  .pipe(z.email({ message: 'Not a valid e-mail address' }));
export const displayNameSchema = z.string().trim().min(1).max(200);
export const localeSchema = z.enum(['en', 'fr', 'de', 'nl']);

export const userSummarySchema = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
});

export const profileSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  locale: localeSchema,
  totpEnabled: z.boolean(),
  lastLoginAt: z.date().nullable(),
  passwordChangedAt: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
  version: z.number().int(),
});
export type ProfileDto = z.infer<typeof profileSchema>;

export const updateProfileBody = z.strictObject({
  version: z.number().int().min(1).optional(),
  displayName: displayNameSchema.optional(),
  locale: localeSchema.optional(),
});

/** A person named on an object (owner, author, approver…), as every module shows them. */
export const personSchema = z.object({ id: z.uuid(), displayName: z.string(), email: z.string() });
