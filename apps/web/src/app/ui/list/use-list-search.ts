import { useNavigate, useSearch } from '@tanstack/react-router';
import { useCallback } from 'react';

export interface ListSearchUpdate {
  /** Start from an empty search rather than the current one (apply a saved filter, clear every filter). */
  clear?: boolean;
  /** Add a history entry, so Back returns to the filters before (a saved filter applied on purpose). */
  push?: boolean;
}

/**
 * The current list page's filters, read from the URL through the page's own validator, and a setter that writes
 * them back. A change replaces the history entry rather than adding one: Back leaves the list (and returns to it
 * with its filters), instead of stepping through every keystroke typed in the search box.
 */
export function useListSearch<S extends object>(
  validate: (search: Record<string, unknown>) => S,
): [S, (patch: { [K in keyof S]?: S[K] | undefined }, options?: ListSearchUpdate) => void] {
  const search = validate(useSearch({ strict: false }) as Record<string, unknown>);
  const navigate = useNavigate();
  const update = useCallback(
    (patch: { [K in keyof S]?: S[K] | undefined }, options: ListSearchUpdate = {}) => {
      void navigate({
        to: '.',
        replace: !options.push,
        search: (previous: Record<string, unknown>) => {
          const next: Record<string, unknown> = { ...(options.clear ? {} : previous), ...patch };
          for (const name of Object.keys(next)) if (next[name] === undefined) delete next[name];
          return next;
        },
      } as Parameters<typeof navigate>[0]);
    },
    [navigate],
  );
  return [search, update];
}

/** Whether any filter is set: the empty list then says "nothing matches" rather than "nothing yet". */
export const hasFilters = (search: object) => Object.values(search).some((value) => value !== undefined);
