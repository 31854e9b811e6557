import { requireCaller } from '../../platform/auth/caller.js';
import type { ModuleDefinition } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { expectedVersion } from '../../platform/http/versioning.js';
import { diffFields, updateAudited } from '../audit/index.js';
import { type ProfileDto, profileSchema, updateProfileBody } from './contracts.js';
import { findUserById } from './queries.js';
import { users } from './tables.js';

type UserRow = NonNullable<Awaited<ReturnType<typeof findUserById>>>;

const toProfile = (user: UserRow): ProfileDto => ({
  id: user.id,
  email: user.email,
  displayName: user.displayName,
  locale: profileSchema.shape.locale.catch('en').parse(user.locale),
  totpEnabled: user.totpEnabled,
  lastLoginAt: user.lastLoginAt,
  passwordChangedAt: user.passwordChangedAt,
  createdAt: user.createdAt,
  updatedAt: user.updatedAt,
  version: user.version,
});

/** The signed-in user's own profile. Membership and roles are managed by the organisation, not here. */
export const usersModule: ModuleDefinition = {
  name: 'users',
  register(app, { db }) {
    const tags = ['users'];

    app.get(
      '/users/me',
      {
        schema: {
          operationId: 'getMyProfile',
          tags,
          description: 'The caller’s profile: name, language, two-factor state.',
          response: { 200: profileSchema },
        },
      },
      async (request) => {
        const user = await findUserById(db, requireCaller(request).userId);
        if (!user) throw new AppError('unauthenticated', 'Sign in again');
        return toProfile(user);
      },
    );

    app.patch(
      '/users/me',
      {
        schema: {
          operationId: 'updateMyProfile',
          tags,
          description: 'Changes the display name or the interface language (en, fr, de, nl). Needs the `version`.',
          body: updateProfileBody,
          response: { 200: profileSchema },
        },
      },
      async (request) => {
        const caller = requireCaller(request);
        const { version, ...changes } = request.body;
        const expected = expectedVersion(request, version);
        const updated = await db.transaction(async (tx) => {
          const before = await findUserById(tx, caller.userId);
          if (!before) throw new AppError('unauthenticated', 'Sign in again');
          return updateAudited(tx, request.audit, {
            table: users,
            id: caller.userId,
            version: expected,
            set: changes,
            event: { organizationId: null, action: 'user.updated', objectType: 'user' },
            changes: () => diffFields(before, changes),
          });
        });
        return toProfile(updated);
      },
    );
  },
};
