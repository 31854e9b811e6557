import { Checkbox, Group, Select, Switch, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { type ReactNode, useEffect, useState } from 'react';

/** The row of filters above a list. */
export function ListFilters({ children }: { children: ReactNode }) {
  return (
    <Group mb="md" align="flex-end" wrap="wrap">
      {children}
    </Group>
  );
}

interface SearchFilterProps {
  label: string;
  placeholder?: string;
  /** The search held in the URL. */
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  width?: number;
  /** `search` (default): the search box, with its icon. `text`: another free-text filter (a tag). */
  kind?: 'search' | 'text';
  maxLength?: number;
}

/**
 * The search box, or another free-text filter. What is typed shows at once; the URL (and so the server query) follows once typing pauses, so
 * the list is not fetched again for every keystroke.
 */
export function SearchFilter({
  label,
  placeholder,
  value,
  onChange,
  width = 260,
  kind = 'search',
  maxLength = 200,
}: SearchFilterProps) {
  const [text, setText] = useState(value ?? '');
  const [settled] = useDebouncedValue(text.trim(), 300);
  useEffect(() => {
    if ((settled || undefined) !== value) onChange(settled || undefined);
  }, [settled, value, onChange]);
  return (
    <TextInput
      label={label}
      placeholder={placeholder}
      leftSection={kind === 'search' ? <IconSearch size={16} aria-hidden /> : undefined}
      value={text}
      onChange={(event) => setText(event.currentTarget.value)}
      maxLength={maxLength}
      type={kind === 'search' ? 'search' : undefined}
      w={width}
    />
  );
}

interface SelectFilterProps<T extends string> {
  label: string;
  /** Shown when nothing is picked (e.g. "Any"). */
  placeholder: string;
  options: readonly { value: T; label: string }[];
  value: T | undefined;
  onChange: (value: T | undefined) => void;
  width?: number;
}

/** One value of a closed list, or none (cleared). */
export function SelectFilter<T extends string>({
  label,
  placeholder,
  options,
  value,
  onChange,
  width = 170,
}: SelectFilterProps<T>) {
  return (
    <Select
      label={label}
      placeholder={placeholder}
      data={[...options]}
      value={value ?? null}
      onChange={(picked) => onChange(options.find((o) => o.value === picked)?.value)}
      clearable
      w={width}
    />
  );
}

/** An on/off filter ("awaiting me"), absent from the URL when off. */
export function SwitchFilter({
  label,
  value,
  onChange,
}: {
  label: string;
  value: true | undefined;
  onChange: (value: true | undefined) => void;
}) {
  return (
    <Switch
      label={label}
      checked={value === true}
      onChange={(event) => onChange(event.currentTarget.checked || undefined)}
      mb={8}
    />
  );
}

/** A tick-box filter ("open only"), absent from the URL when not ticked. */
export function CheckboxFilter({
  label,
  value,
  onChange,
}: {
  label: string;
  value: true | undefined;
  onChange: (value: true | undefined) => void;
}) {
  return (
    <Checkbox
      label={label}
      checked={value === true}
      onChange={(event) => onChange(event.currentTarget.checked || undefined)}
      mb={8}
    />
  );
}
