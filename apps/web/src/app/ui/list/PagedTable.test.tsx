import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../test/render';
import { type Column, type PagedItems, PagedTable } from './PagedTable';

interface Row {
  id: string;
  name: string;
  count: number;
}

const columns: Column<Row>[] = [
  { id: 'name', header: 'Name', cell: (row) => <strong>{row.name}</strong> },
  { id: 'count', header: 'Count', cell: (row) => row.count },
];

const paged = (items: Row[], more: Partial<PagedItems<Row>> = {}): PagedItems<Row> => ({
  items,
  isPending: false,
  error: null,
  hasNextPage: false,
  isFetchingNextPage: false,
  fetchNextPage: () => {},
  ...more,
});

describe('PagedTable', () => {
  it('renders one header per column and one cell per column and row', () => {
    renderWithProviders(
      <PagedTable
        query={paged([
          { id: '1', name: 'Alpha', count: 3 },
          { id: '2', name: 'Beta', count: 5 },
        ])}
        columns={columns}
        rowKey={(row) => row.id}
        emptyText="Nothing yet"
      />,
    );
    expect(screen.getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['Name', 'Count']);
    const rows = screen.getAllByRole('row').slice(1);
    expect(
      rows.map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((td) => td.textContent),
      ),
    ).toEqual([
      ['Alpha', '3'],
      ['Beta', '5'],
    ]);
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });

  it('says so when there is no row', () => {
    renderWithProviders(
      <PagedTable query={paged([])} columns={columns} rowKey={(row) => row.id} emptyText="Nothing matches" />,
    );
    expect(screen.getByText('Nothing matches')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('offers the next page while there is one', () => {
    const fetchNextPage = vi.fn();
    renderWithProviders(
      <PagedTable
        query={paged([{ id: '1', name: 'Alpha', count: 3 }], { hasNextPage: true, fetchNextPage })}
        columns={columns}
        rowKey={(row) => row.id}
        emptyText="Nothing yet"
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    expect(fetchNextPage).toHaveBeenCalledOnce();
  });
});
