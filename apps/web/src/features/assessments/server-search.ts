import type { ComboboxItem, OptionsFilter } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';

/**
 * The text of a searchable select whose options come from the server. The query follows the typing after a
 * pause; once an option is picked the input shows its label, which is not something to search for (it holds the
 * version too), so the query falls back to the first page until the user types again.
 */
export function useServerSearch(selectedLabel: string | null) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const q = selectedLabel !== null && debounced === selectedLabel.trim() ? '' : debounced;
  return { search, setSearch, q, pending: search.trim() !== debounced };
}

/** The server already filtered: show its answer as it is. */
export const serverFiltered: OptionsFilter = ({ options }) => options;

/** The options of the current answer, with the picked one kept even when the answer no longer holds it. */
export function withSelected(options: ComboboxItem[], selected: ComboboxItem | null): ComboboxItem[] {
  if (!selected || options.some((o) => o.value === selected.value)) return options;
  return [selected, ...options];
}
