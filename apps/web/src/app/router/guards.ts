import type { QueryClient } from '@tanstack/react-query';
import { redirect } from '@tanstack/react-router';
import { api, unwrap } from '../api/client';
import { meQuery, mustEnrolTotp } from '../session/me';

export interface RouterContext {
  queryClient: QueryClient;
}

export const setupStatusQuery = {
  queryKey: ['setup-status'],
  queryFn: () => unwrap(api.GET('/api/v1/setup')),
  staleTime: 60_000,
};

const PROFILE_PATH = '/profile';

/** Signed-in pages: a fresh installation goes to setup, a signed-out visitor to the sign-in page. */
export async function requireSignedIn(queryClient: QueryClient, href: string, pathname: string) {
  const me = await queryClient.ensureQueryData(meQuery);
  // The server refuses every organisation call until this user enrols: keep them where they can.
  if (me && mustEnrolTotp(me) && pathname !== PROFILE_PATH) throw redirect({ to: PROFILE_PATH });
  if (me) return me;
  const status = await queryClient.fetchQuery(setupStatusQuery);
  if (status.needsSetup) throw redirect({ to: '/setup' });
  throw redirect({ to: '/login', search: { redirect: href } });
}

/** Sign-in and setup pages: someone already signed in goes straight to the application. */
export async function redirectIfSignedIn(queryClient: QueryClient) {
  const me = await queryClient.ensureQueryData(meQuery);
  if (me) throw redirect({ to: '/folders' });
}

/** Only the path part of a redirect target is honoured, so a crafted link cannot send the user off-site. */
export function safeRedirect(target: unknown): string {
  return typeof target === 'string' && target.startsWith('/') && !target.startsWith('//') ? target : '/folders';
}

/** Search params of the signed-out pages: optional strings, anything else dropped. */
export const redirectSearch = (search: Record<string, unknown>): { redirect?: string } =>
  typeof search.redirect === 'string' ? { redirect: search.redirect } : {};
export const tokenSearch = (search: Record<string, unknown>): { token?: string } =>
  typeof search.token === 'string' ? { token: search.token } : {};
