import { type MantineSpacing, Table, Text } from '@mantine/core';
import { Fragment, type ReactNode } from 'react';
import { QueryState } from '../../layout/QueryState';
import { LoadMore } from './LoadMore';

export interface Column<T> {
  /** Stable name of the column (React key). */
  id: string;
  header: ReactNode;
  /** The row's cell; `index` is the row's place in the loaded items (for lists read in order, e.g. a history). */
  cell: (row: T, index: number) => ReactNode;
  /** A floor for the column's width (a progress bar needs room). */
  minWidth?: number;
  /** The header's width (`40`, `'30%'`): a narrow toggle column, or a wide progress column. */
  width?: number | string;
  /** The list is sorted on this column: its header says so to assistive technology (`aria-sort`). */
  sorted?: 'ascending' | 'descending' | 'none';
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

/** A row's unfolded details, shown under it across every column but the first (the one that holds the toggle). */
export interface RowDetails {
  /** The id the toggle's `aria-controls` names. */
  id: string;
  content: ReactNode;
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
  /** The table's accessible name, when the page has more than one table or tests find it by name. */
  label?: string;
  /** Alternate row shading (on by default). */
  striped?: boolean;
  /** Shade the row under the pointer (on by default; off where rows are not things to open). */
  highlightOnHover?: boolean;
  /** An unfolded row's details (an audit event's changes), or `null` while folded. */
  rowDetails?: (row: T) => RowDetails | null;
}

/** A list's table, one column definition per column, with the loading and error states and "Load more". */
export function PagedTable<T>({
  query,
  columns,
  rowKey,
  emptyText,
  minWidth = 720,
  verticalSpacing,
  label,
  striped = true,
  highlightOnHover = true,
  rowDetails,
}: PagedTableProps<T>) {
  return (
    <QueryState query={query}>
      {query.items.length === 0 ? (
        <Text c="dimmed">{emptyText}</Text>
      ) : (
        <Table.ScrollContainer minWidth={minWidth}>
          <Table
            striped={striped}
            highlightOnHover={highlightOnHover}
            verticalSpacing={verticalSpacing}
            aria-label={label}
          >
            <Table.Thead>
              <Table.Tr>
                {columns.map((column) => (
                  <Table.Th key={column.id} w={column.width} aria-sort={column.sorted}>
                    {column.header}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.items.map((row, index) => {
                const details = rowDetails?.(row);
                return (
                  <Fragment key={rowKey(row)}>
                    <Table.Tr>
                      {columns.map((column) => (
                        <Table.Td key={column.id} miw={column.minWidth}>
                          {column.cell(row, index)}
                        </Table.Td>
                      ))}
                    </Table.Tr>
                    {details && (
                      <Table.Tr id={details.id}>
                        <Table.Td />
                        <Table.Td colSpan={columns.length - 1}>{details.content}</Table.Td>
                      </Table.Tr>
                    )}
                  </Fragment>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <LoadMore query={query} />
    </QueryState>
  );
}
