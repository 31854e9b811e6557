import {
  createMemoryHistory,
  createRootRoute,
  createRoute,
  createRouter,
  Outlet,
  RouterProvider,
} from '@tanstack/react-router';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../../test/render';
import { ListFilters, SearchFilter, SelectFilter } from './ListFilters';
import { listSearch, oneOfParam, textParam } from './search-params';
import { useListSearch } from './use-list-search';

const validateThings = listSearch({ q: textParam(), status: oneOfParam(['open', 'closed'] as const) });

function ThingsPage() {
  const [search, setSearch] = useListSearch(validateThings);
  return (
    <ListFilters>
      <SearchFilter label="Search" value={search.q} onChange={(q) => setSearch({ q })} />
      <SelectFilter
        label="Status"
        placeholder="Any"
        options={[
          { value: 'open', label: 'Open' },
          { value: 'closed', label: 'Closed' },
        ]}
        value={search.status}
        onChange={(status) => setSearch({ status })}
      />
    </ListFilters>
  );
}

function SavedFilter() {
  const [, setSearch] = useListSearch(validateThings);
  return (
    <button type="button" onClick={() => setSearch({ status: 'closed' }, { clear: true, push: true })}>
      Apply
    </button>
  );
}

function renderAt(url: string) {
  const rootRoute = createRootRoute({ component: Outlet });
  const thingsRoute = createRoute({
    getParentRoute: () => rootRoute,
    path: '/things',
    validateSearch: validateThings,
    component: ThingsPage,
  });
  const elsewhereRoute = createRoute({
    getParentRoute: () => rootRoute,
    path: '/elsewhere',
    component: () => <h1>Elsewhere</h1>,
  });
  const history = createMemoryHistory({ initialEntries: [url] });
  const router = createRouter({ routeTree: rootRoute.addChildren([thingsRoute, elsewhereRoute]), history });
  renderWithProviders(<RouterProvider router={router} />);
  return { router, history };
}

describe('list filters in the URL', () => {
  it('opens with the filters of the URL (a refresh or a shared link)', async () => {
    renderAt('/things?q=backup&status=closed');
    expect(await screen.findByRole('searchbox', { name: 'Search' })).toHaveProperty('value', 'backup');
    expect(screen.getByRole('textbox', { name: 'Status' })).toHaveProperty('value', 'Closed');
  });

  it('writes a picked filter to the URL, replacing the history entry', async () => {
    const { router, history } = renderAt('/things');
    const entriesBefore = history.length;
    fireEvent.click(await screen.findByRole('textbox', { name: 'Status' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Open' }));
    await waitFor(() => expect(router.state.location.search).toEqual({ status: 'open' }));
    expect(history.length).toBe(entriesBefore);
  });

  it('writes the search once typing pauses, and clears it when emptied', async () => {
    const { router } = renderAt('/things?status=open');
    const box = await screen.findByRole('searchbox', { name: 'Search' });
    fireEvent.change(box, { target: { value: '  firewall ' } });
    await waitFor(() => expect(router.state.location.search).toEqual({ status: 'open', q: 'firewall' }));
    fireEvent.change(box, { target: { value: '' } });
    await waitFor(() => expect(router.state.location.search).toEqual({ status: 'open' }));
  });

  it('finds its filters again on Back', async () => {
    const { router, history } = renderAt('/things?status=closed');
    await screen.findByRole('textbox', { name: 'Status' });
    act(() => history.push('/elsewhere'));
    await screen.findByRole('heading', { name: 'Elsewhere' });
    act(() => history.back());
    await waitFor(() => expect(router.state.location.pathname).toBe('/things'));
    expect(await screen.findByRole('textbox', { name: 'Status' })).toHaveProperty('value', 'Closed');
  });

  it('starts from an empty search and adds a history entry when asked (a saved filter applied)', async () => {
    const rootRoute = createRootRoute({ component: Outlet });
    const route = createRoute({
      getParentRoute: () => rootRoute,
      path: '/things',
      validateSearch: validateThings,
      component: SavedFilter,
    });
    const history = createMemoryHistory({ initialEntries: ['/things?q=backup&status=open'] });
    const router = createRouter({ routeTree: rootRoute.addChildren([route]), history });
    renderWithProviders(<RouterProvider router={router} />);
    const entriesBefore = history.length;
    fireEvent.click(await screen.findByRole('button', { name: 'Apply' }));
    await waitFor(() => expect(router.state.location.search).toEqual({ status: 'closed' }));
    expect(history.length).toBe(entriesBefore + 1);
  });
});
