import {
  createMemoryHistory,
  createRootRoute,
  createRoute,
  createRouter,
  Outlet,
  RouterProvider,
} from '@tanstack/react-router';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test/render';
import { AuditPage } from './AuditPage';
import { validateAuditSearch } from './search';
import type { AuditFilters } from './use-audit';

// The server is not asked: the list hook answers no event and records the filters the page asked for.
const useAuditEvents = vi.fn((_filters: AuditFilters) => ({
  items: [],
  isPending: false,
  error: null,
  hasNextPage: false,
  isFetchingNextPage: false,
  fetchNextPage: () => {},
}));
vi.mock('./use-audit', async (original) => ({
  ...(await original<typeof import('./use-audit')>()),
  useAuditEvents: (filters: AuditFilters) => useAuditEvents(filters),
}));
vi.mock('./VerifyChain', () => ({
  useVerifyChain: () => ({ mutate: vi.fn(), isPending: false, data: undefined, error: null }),
  VerifyResult: () => null,
}));
vi.mock('../access/use-access', () => ({ usePermissionCatalog: () => ({ data: { objectTypes: ['folder'] } }) }));
vi.mock('../members/use-members', () => ({ useMembers: () => ({ items: [] }) }));

function renderAt(url: string) {
  const rootRoute = createRootRoute({ component: Outlet });
  const auditRoute = createRoute({
    getParentRoute: () => rootRoute,
    path: '/audit',
    validateSearch: validateAuditSearch,
    component: AuditPage,
  });
  const history = createMemoryHistory({ initialEntries: [url] });
  const router = createRouter({ routeTree: rootRoute.addChildren([auditRoute]), history });
  renderWithProviders(<RouterProvider router={router} />);
  return { router };
}

describe('AuditPage', () => {
  beforeEach(() => useAuditEvents.mockClear());

  it('opens with the filters of the URL and asks for those events', async () => {
    renderAt('/audit?action=folder.created&from=2026-12-01&actorUserId=nope');
    expect(await screen.findByRole('textbox', { name: 'Action' })).toHaveProperty('value', 'folder.created');
    expect(screen.getByLabelText('From')).toHaveProperty('value', '2026-12-01');
    expect(useAuditEvents).toHaveBeenLastCalledWith(
      expect.objectContaining({ action: 'folder.created', from: '2026-12-01', actorUserId: '' }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Export' }));
    expect((await screen.findByRole('menuitem', { name: 'Export CSV' })).getAttribute('href')).toContain(
      'action=folder.created',
    );
  });

  it('writes what is typed to the URL once typing pauses, and clears it all', async () => {
    const { router } = renderAt('/audit?to=2026-12-31');
    fireEvent.change(await screen.findByRole('searchbox', { name: 'Search' }), { target: { value: ' backup ' } });
    await waitFor(() => expect(router.state.location.search).toEqual({ q: 'backup', to: '2026-12-31' }));
    expect(useAuditEvents).toHaveBeenLastCalledWith(expect.objectContaining({ q: 'backup', to: '2026-12-31' }));
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(router.state.location.search).toEqual({}));
  });
});
