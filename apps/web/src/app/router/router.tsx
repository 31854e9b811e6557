import type { QueryClient } from '@tanstack/react-query';
import { createRouter } from '@tanstack/react-router';
import { appPageRoutes } from './app-routes';
import { acceptInvitationRoute, forgotRoute, loginRoute, resetRoute, setupRoute } from './public-routes';
import { appRoute, rootRoute } from './root-routes';

const routeTree = rootRoute.addChildren([
  setupRoute,
  loginRoute,
  forgotRoute,
  resetRoute,
  acceptInvitationRoute,
  appRoute.addChildren(appPageRoutes),
]);
export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    defaultPreloadStaleTime: 0,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
