import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { credentials } from '../api/credentials';
import { ApiError } from '../api/errors';
import type { paths } from '../api/schema';
import { changeLocale, i18n, isLocale } from '../i18n';

export type Me = paths['/api/v1/auth/me']['get']['responses'][200]['content']['application/json'];
export type MyOrganization = Me['organizations'][number];

/** Keeps the remembered organisation if the user still belongs to it, otherwise takes the session's one. */
function pickOrganization(me: Me): string | null {
  const ids = me.organizations.map((o) => o.id);
  const stored = credentials.organizationId;
  if (stored && ids.includes(stored)) return stored;
  return me.currentOrganizationId && ids.includes(me.currentOrganizationId)
    ? me.currentOrganizationId
    : (ids[0] ?? null);
}

/** The signed-in user, or null when signed out. Also hands the CSRF token and organisation to the API client. */
export const meQuery = queryOptions({
  queryKey: ['me'],
  queryFn: async (): Promise<Me | null> => {
    try {
      let me = await unwrap(api.GET('/api/v1/auth/me'));
      credentials.setCsrfToken(me.csrfToken);
      const organizationId = pickOrganization(me);
      credentials.setOrganizationId(organizationId);
      // Plain links (audit exports) carry no header: keep the session's organisation in step with the UI's.
      if (organizationId && organizationId !== me.currentOrganizationId) {
        const switched = await api.PUT('/api/v1/auth/current-organization', { body: { organizationId } }).then(
          () => true,
          () => false,
        );
        // The permissions in /auth/me are those of the session's organisation: ask again now that it is the UI's.
        if (switched) me = await unwrap(api.GET('/api/v1/auth/me'));
      }
      // The account's language wins over the browser's once the user is known.
      if (isLocale(me.user.locale) && me.user.locale !== i18n.language) await changeLocale(me.user.locale);
      return me;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        credentials.clear();
        return null;
      }
      throw error;
    }
  },
  staleTime: 5 * 60_000,
});

/** For pages inside the signed-in layout, where the route guard guarantees a user. */
export function useMe(): Me {
  const { data } = useQuery(meQuery);
  if (!data) throw new Error('useMe() outside the signed-in layout');
  return data;
}

export function useCurrentOrganization(): MyOrganization | null {
  const me = useMe();
  return me.organizations.find((o) => o.id === credentials.organizationId) ?? me.organizations[0] ?? null;
}

/**
 * The organisation requires two-factor authentication and this user has not enrolled: the server refuses every
 * organisation call until they do, so the app keeps them on their profile page.
 */
export function mustEnrolTotp(me: Me): boolean {
  const organization = me.organizations.find((o) => o.id === credentials.organizationId);
  return Boolean(organization?.requireTotp && !me.user.totpEnabled);
}

/** After a sign-in or sign-out: forget everything cached for the previous user. */
export function useResetSession() {
  const queryClient = useQueryClient();
  return async () => {
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
    return queryClient.fetchQuery({ ...meQuery, staleTime: 0 });
  };
}
