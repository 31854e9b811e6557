import { and, eq, isNull } from 'drizzle-orm';
import type { AppContext } from '../../platform/context.js';
import { randomToken, sha256Hex } from '../../platform/crypto.js';
import { AppError, conflict, notFound } from '../../platform/errors.js';
import { type Cursor, toPage } from '../../platform/http/pagination.js';
import { queueEmail } from '../../platform/mail/outbox.js';
import type { Access, Permission } from '../access/index.js';
import { readableOr404 } from '../access/index.js';
import { type AuditContext, createdFields, recordAudit } from '../audit/index.js';
import { folderPathOf } from '../folders/index.js';
import { getOrganization } from '../organizations/index.js';
import type { InvitationDto, InvitationStatus } from './contracts.js';
import * as q from './queries.js';
import { invitations } from './tables.js';

const INVITATION_TTL_MS = 7 * 24 * 3_600_000;

export function toInvitationDto(row: q.InvitationRow, access: Access): InvitationDto {
  return {
    id: row.id,
    email: row.email,
    roleId: row.roleId,
    roleName: row.roleName,
    roleKey: row.roleKey,
    folderId: row.folderId,
    folderName: row.folderName,
    status: row.status,
    invitedBy: row.invitedById && row.invitedByName ? { id: row.invitedById, displayName: row.invitedByName } : null,
    expiresAt: row.expiresAt,
    acceptedAt: row.acceptedAt,
    revokedAt: row.revokedAt,
    createdAt: row.createdAt,
    abilities: {
      revoke: (row.status === 'pending' || row.status === 'expired') && access.can('invitation:delete', row.folderPath),
    },
  };
}

/** Inviting people into an organisation with a role on a folder, listing and revoking invitations. */
export function createInvitationService(deps: Pick<AppContext, 'db' | 'clock' | 'config'>) {
  const { db, clock, config } = deps;

  return {
    async create(
      access: Access,
      audit: AuditContext,
      input: { email: string; roleId: string; folderId: string; inviterName: string },
    ) {
      const path = await folderPathOf(db, access.organizationId, input.folderId);
      if (!path || !access.can('folder:read', path)) throw notFound('Folder');
      access.require('invitation:create', path, 'folder:read', 'Folder');
      const role = await q.findAssignableRole(db, access.organizationId, input.roleId);
      if (!role) throw notFound('Role');
      // No privilege escalation: only a role whose every permission the inviter holds on this folder.
      const missing = role.permissions.filter((p) => !access.can(p as Permission, path));
      if (missing.length > 0) {
        throw new AppError(
          'permissions_not_held',
          `You cannot grant "${role.name}" here: it includes permissions you do not hold (${missing.slice(0, 5).join(', ')})`,
        );
      }
      const organization = await getOrganization(db, access.organizationId);
      const token = randomToken();
      const now = clock.now();
      const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS);
      const link = `${config.publicUrl}/accept-invitation?token=${encodeURIComponent(token)}`;
      const id = await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(invitations)
          .values({
            organizationId: access.organizationId,
            email: input.email,
            roleId: role.id,
            folderId: input.folderId,
            tokenHash: sha256Hex(token),
            invitedBy: access.userId,
            expiresAt,
            createdAt: now,
          })
          .returning({ id: invitations.id });
        if (!row) throw new Error('insert returned no row');
        await queueEmail(tx, {
          organizationId: access.organizationId,
          to: input.email,
          subject: `${input.inviterName} invited you to ${organization.name} on Rampart`,
          text:
            `Hello,\n\n${input.inviterName} invited you to join ${organization.name} on Rampart as ${role.name}.\n\n` +
            `Accept the invitation within 7 days:\n\n${link}\n\n` +
            'If you do not know this organisation, ignore this message.\n',
        });
        await recordAudit(tx, audit, {
          organizationId: access.organizationId,
          folderId: input.folderId,
          action: 'invitation.created',
          objectType: 'invitation',
          objectId: row.id,
          changes: createdFields({ email: input.email, roleId: role.id, roleName: role.name, expiresAt }),
        });
        return row.id;
      });
      const created = await q.findInvitation(db, access.organizationId, id, clock.now());
      if (!created) throw notFound('Invitation');
      return toInvitationDto(created, access);
    },

    async list(access: Access, params: { status?: InvitationStatus; cursor: Cursor | null; limit: number }) {
      const rows = await q.listInvitations(db, {
        organizationId: access.organizationId,
        visible: access.visibleFolderIds('invitation:read'),
        now: clock.now(),
        ...params,
      });
      const page = toPage(rows, params.limit, (r) => r.createdAt);
      return { items: page.items.map((r) => toInvitationDto(r, access)), nextCursor: page.nextCursor };
    },

    async revoke(access: Access, audit: AuditContext, id: string) {
      const row = readableOr404(
        await q.findInvitation(db, access.organizationId, id, clock.now()),
        access,
        'invitation:read',
        'Invitation',
      );
      access.require('invitation:delete', row.folderPath, 'invitation:read', 'Invitation');
      await db.transaction(async (tx) => {
        const revoked = await tx
          .update(invitations)
          .set({ revokedAt: clock.now() })
          .where(and(eq(invitations.id, id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
          .returning({ id: invitations.id });
        if (revoked.length === 0) throw conflict(`This invitation is already ${row.status}`);
        await recordAudit(tx, audit, {
          organizationId: access.organizationId,
          folderId: row.folderId,
          action: 'invitation.revoked',
          objectType: 'invitation',
          objectId: id,
          changes: { email: row.email },
        });
      });
    },
  };
}
