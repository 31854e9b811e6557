import { createRoute, lazyRouteComponent, redirect } from '@tanstack/react-router';
import { redirectIfSignedIn, redirectSearch, setupStatusQuery, tokenSearch } from './guards';
import { rootRoute } from './root-routes';

/** Pages reachable signed out. Each page's code is its own chunk, fetched when the route is first matched. */
export const setupRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/setup',
  beforeLoad: async ({ context }) => {
    const status = await context.queryClient.fetchQuery(setupStatusQuery);
    if (!status.needsSetup) throw redirect({ to: '/login' });
  },
  component: lazyRouteComponent(() => import('../../features/setup/SetupPage'), 'SetupPage'),
});

export const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: redirectSearch,
  beforeLoad: async ({ context }) => {
    await redirectIfSignedIn(context.queryClient);
    const status = await context.queryClient.fetchQuery(setupStatusQuery);
    if (status.needsSetup) throw redirect({ to: '/setup' });
  },
  component: lazyRouteComponent(() => import('../../features/auth/LoginPage'), 'LoginPage'),
});

export const forgotRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/forgot-password',
  component: lazyRouteComponent(() => import('../../features/auth/ForgotPasswordPage'), 'ForgotPasswordPage'),
});

export const resetRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reset-password',
  validateSearch: tokenSearch,
  component: lazyRouteComponent(() => import('../../features/auth/ResetPasswordPage'), 'ResetPasswordPage'),
});

export const acceptInvitationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/accept-invitation',
  validateSearch: tokenSearch,
  component: lazyRouteComponent(
    () => import('../../features/invitations/AcceptInvitationPage'),
    'AcceptInvitationPage',
  ),
});
