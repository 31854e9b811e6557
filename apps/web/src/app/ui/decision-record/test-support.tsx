import type { UseQueryResult } from '@tanstack/react-query';
import {
  createMemoryHistory,
  createRootRoute,
  createRoute,
  createRouter,
  Outlet,
  RouterProvider,
} from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { vi } from 'vitest';
import { renderWithProviders } from '../../../test/render';

/** A query that has answered with `data`, as a kind's `useRecord` returns it. */
export const answered = <T,>(data: T) =>
  ({ data, isPending: false, error: null, refetch: vi.fn() }) as unknown as UseQueryResult<T>;

/**
 * A mutation whose `mutate` is a spy, for a kind's `useTransition` / `useDelete` (`as never`: the page calls only
 * `mutate`, `reset`, `isPending` and `error`).
 */
export const spyMutation = () => ({ mutate: vi.fn(), reset: vi.fn(), isPending: false, error: null });

/** Renders the app at `url` in a router of the given routes (path → page). */
export function renderRoutes(url: string, pages: Record<string, () => ReactNode>) {
  const rootRoute = createRootRoute({ component: Outlet });
  const routes = Object.entries(pages).map(([path, component]) =>
    createRoute({ getParentRoute: () => rootRoute, path, component }),
  );
  const history = createMemoryHistory({ initialEntries: [url] });
  const router = createRouter({ routeTree: rootRoute.addChildren(routes), history });
  renderWithProviders(<RouterProvider router={router} />);
  return router;
}
