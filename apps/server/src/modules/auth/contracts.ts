import { z } from 'zod';

export const loginBody = z.strictObject({
  email: z.string().trim().toLowerCase().min(1).max(320),
  password: z.string().min(1).max(200),
});

export const loginResponse = z.object({
  status: z.enum(['signed_in', 'totp_required']),
  csrfToken: z.string().nullable(),
});

export const meResponse = z.object({
  user: z.object({
    id: z.uuid(),
    email: z.string(),
    displayName: z.string(),
    locale: z.string(),
    totpEnabled: z.boolean(),
  }),
  csrfToken: z.string().nullable(),
  currentOrganizationId: z.uuid().nullable(),
  /** The caller's permissions in the current organisation: on all of it, and on at least one folder. */
  permissions: z.object({ organizationWide: z.array(z.string()), somewhere: z.array(z.string()) }).nullable(),
  organizations: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      guest: z.boolean(),
      requireTotp: z.boolean(),
      rootFolderId: z.uuid(),
    }),
  ),
});

export const totpCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/, 'Enter the 6-digit code from your authenticator app');
export const recoveryCode = z.string().trim().min(8).max(40);

export const verifyLoginBody = z.union([
  z.strictObject({ code: totpCode }),
  z.strictObject({ recoveryCode: recoveryCode }),
]);

export const signedInResponse = z.object({ status: z.literal('signed_in'), csrfToken: z.string() });

export const totpEnrollResponse = z.object({
  secret: z.string().describe('Base32 secret, for authenticator apps that cannot scan the QR code'),
  otpauthUri: z.string(),
  qrCodeDataUrl: z.string().describe('PNG data URL of the otpauth URI'),
});

export const totpCodeBody = z.strictObject({ code: totpCode });
export const totpDisableBody = z.strictObject({ password: z.string().min(1).max(200), code: totpCode });
export const recoveryCodesResponse = z.object({
  recoveryCodes: z.array(z.string()).describe('Shown once: each code signs in once instead of a TOTP code'),
});

/** Password rules are checked in the service (they depend on the e-mail); here only the bounds. */
export const newPassword = z.string().min(1).max(200);
export const changePasswordBody = z.strictObject({ currentPassword: z.string().min(1).max(200), newPassword });
export const resetRequestBody = z.strictObject({ email: z.string().trim().toLowerCase().min(1).max(320) });
export const resetConfirmBody = z.strictObject({ token: z.string().trim().min(1).max(200), newPassword });
