import { createRootRouteWithContext, createRoute, lazyRouteComponent, Outlet } from '@tanstack/react-router';
import { NotFoundPage } from '../layout/NotFoundPage';
import { type RouterContext, requireSignedIn } from './guards';

export const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
});

/** Parent of every signed-in page: the guard runs once, and the layout (navigation, header) wraps them. */
export const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: ({ context, location }) => requireSignedIn(context.queryClient, location.href, location.pathname),
  component: lazyRouteComponent(() => import('../layout/AppLayout'), 'AppLayout'),
});
