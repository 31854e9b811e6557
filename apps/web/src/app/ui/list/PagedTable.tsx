import { type MantineSpacing, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { LoadMore } from '../../layout/LoadMore';
import { QueryState } from '../../layout/QueryState';

export interface Column<T> {
  /** Stable name of the column (React key). */
  id: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** A floor for the column's width (a progress bar needs room). */
  minWidth?: number;
}

/** What `usePaged` returns: the items loaded so far, and the state "Load more" needs. */
export interface PagedItems<T> {
  items: T[];
  isPending: boolean;
  error: unknown;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

interface PagedTableProps<T> {
  query: PagedItems<T>;
  columns: readonly Column<T>[];
  rowKey: (row: T) => string;
  /** Shown instead of the table when no row is loaded ("nothing yet", or "nothing matches" when filtered). */
  emptyText: ReactNode;
  /** Below this width the table scrolls sideways instead of squeezing its columns. */
  minWidth?: number;
  /** Taller rows, for cells that hold more than a line (a matrix preview). */
  verticalSpacing?: MantineSpacing;
}

/** A list's table, one column definition per column, with the loading and error states and "Load more". */
export function PagedTable<T>({
  query,
  columns,
  rowKey,
  emptyText,
  minWidth = 720,
  verticalSpacing,
}: PagedTableProps<T>) {
  return (
    <QueryState query={query}>
      {query.items.length === 0 ? (
        <Text c="dimmed">{emptyText}</Text>
      ) : (
        <Table.ScrollContainer minWidth={minWidth}>
          <Table striped highlightOnHover verticalSpacing={verticalSpacing}>
            <Table.Thead>
              <Table.Tr>
                {columns.map((column) => (
                  <Table.Th key={column.id}>{column.header}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.items.map((row) => (
                <Table.Tr key={rowKey(row)}>
                  {columns.map((column) => (
                    <Table.Td key={column.id} miw={column.minWidth}>
                      {column.cell(row)}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <LoadMore query={query} />
    </QueryState>
  );
}
