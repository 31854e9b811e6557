import {
  createMemoryHistory,
  createRootRoute,
  createRoute,
  createRouter,
  Outlet,
  RouterProvider,
} from '@tanstack/react-router';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test/render';
import { validateTokensSearch } from './search';
import { TokensPage } from './TokensPage';
import type { ApiToken } from './use-tokens';

const token = {
  id: 't1',
  name: 'CI pipeline',
  prefix: 'rmp_ab12',
  status: 'active',
  lastUsedAt: null,
  expiresAt: null,
  user: { id: 'u2', displayName: 'Bob Builder' },
  abilities: { revoke: true },
} as unknown as ApiToken;

// The server is not asked: the list hook answers one token, and records which list the page asked for.
const useTokens = vi.fn((_all: boolean) => ({
  items: [token],
  isPending: false,
  error: null,
  hasNextPage: false,
  isFetchingNextPage: false,
  fetchNextPage: () => {},
}));
vi.mock('./use-tokens', () => ({
  useTokens: (all: boolean) => useTokens(all),
  useRevokeToken: () => ({ mutate: vi.fn(), reset: vi.fn(), isPending: false, error: null }),
}));
vi.mock('./CreateTokenDialog', () => ({ CreateTokenDialog: () => null }));

function renderAt(url: string) {
  const rootRoute = createRootRoute({ component: Outlet });
  const tokensRoute = createRoute({
    getParentRoute: () => rootRoute,
    path: '/tokens',
    validateSearch: validateTokensSearch,
    component: TokensPage,
  });
  const elsewhereRoute = createRoute({
    getParentRoute: () => rootRoute,
    path: '/elsewhere',
    component: () => <h1>Elsewhere</h1>,
  });
  const history = createMemoryHistory({ initialEntries: [url] });
  const router = createRouter({ routeTree: rootRoute.addChildren([tokensRoute, elsewhereRoute]), history });
  renderWithProviders(<RouterProvider router={router} />);
  return { router, history };
}

const showAll = () => screen.findByRole('switch', { name: 'Show every member’s tokens' });

describe('TokensPage', () => {
  beforeEach(() => useTokens.mockClear());

  it('lists only my tokens by default, without an owner column', async () => {
    renderAt('/tokens');
    expect(await showAll()).toHaveProperty('checked', false);
    expect(screen.getAllByRole('columnheader').map((th) => th.textContent)).not.toContain('Owner');
    expect(useTokens).toHaveBeenLastCalledWith(false);
  });

  it('opens every member’s tokens from the URL (a refresh or a shared link), with their owner', async () => {
    renderAt('/tokens?all=true');
    expect(await showAll()).toHaveProperty('checked', true);
    expect(screen.getByRole('columnheader', { name: 'Owner' })).toBeTruthy();
    expect(screen.getByRole('cell', { name: 'Bob Builder' })).toBeTruthy();
    expect(useTokens).toHaveBeenLastCalledWith(true);
  });

  it('writes the switch to the URL and finds it again on Back', async () => {
    const { router, history } = renderAt('/tokens');
    fireEvent.click(await showAll());
    await waitFor(() => expect(router.state.location.search).toEqual({ all: true }));
    act(() => history.push('/elsewhere'));
    await screen.findByRole('heading', { name: 'Elsewhere' });
    act(() => history.back());
    expect(await showAll()).toHaveProperty('checked', true);
    fireEvent.click(await showAll());
    await waitFor(() => expect(router.state.location.search).toEqual({}));
  });
});
