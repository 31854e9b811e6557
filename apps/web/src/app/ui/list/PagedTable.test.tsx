import { ActionIcon } from '@mantine/core';
import { fireEvent, screen, within } from '@testing-library/react';
import { useState } from 'react';
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

function Unfolding() {
  const [open, setOpen] = useState<string | null>(null);
  const withToggle: Column<Row>[] = [
    {
      id: 'toggle',
      header: 'Details',
      cell: (row) => (
        <ActionIcon aria-label={`Show ${row.name}`} aria-controls={`row-${row.id}`} onClick={() => setOpen(row.id)} />
      ),
    },
    ...columns,
  ];
  return (
    <PagedTable
      query={paged([
        { id: '1', name: 'Alpha', count: 3 },
        { id: '2', name: 'Beta', count: 5 },
      ])}
      columns={withToggle}
      rowKey={(row) => row.id}
      emptyText="Nothing yet"
      rowDetails={(row) => (open === row.id ? { id: `row-${row.id}`, content: `${row.name} in detail` } : null)}
    />
  );
}

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

  it('names the table, marks the sorted column and hands each cell its row index', () => {
    const ranked: Column<Row>[] = [
      { id: 'rank', header: '#', cell: (_row, index) => index + 1, width: 40 },
      { ...columns[0], sorted: 'descending' } as Column<Row>,
    ];
    renderWithProviders(
      <PagedTable
        query={paged([
          { id: '1', name: 'Alpha', count: 3 },
          { id: '2', name: 'Beta', count: 5 },
        ])}
        columns={ranked}
        rowKey={(row) => row.id}
        emptyText="Nothing yet"
        label="Ranking"
      />,
    );
    const table = screen.getByRole('table', { name: 'Ranking' });
    expect(within(table).getByRole('columnheader', { name: 'Name' }).getAttribute('aria-sort')).toBe('descending');
    expect(within(table).getByRole('columnheader', { name: '#' }).getAttribute('aria-sort')).toBeNull();
    expect(
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map((row) => within(row).getAllByRole('cell')[0]?.textContent),
    ).toEqual(['1', '2']);
  });

  it('unfolds a row into its details, under every column but the toggle', () => {
    renderWithProviders(<Unfolding />);
    expect(screen.getAllByRole('row')).toHaveLength(3);
    fireEvent.click(screen.getByRole('button', { name: 'Show Beta' }));
    const rows = screen.getAllByRole('row');
    expect(rows).toHaveLength(4);
    expect(rows[3]?.id).toBe('row-2');
    const detail = within(rows[3] as HTMLElement).getAllByRole('cell');
    expect(detail.map((td) => td.textContent)).toEqual(['', 'Beta in detail']);
    expect(detail[1]?.getAttribute('colspan')).toBe('2');
  });
});
