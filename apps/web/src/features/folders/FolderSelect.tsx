import { Select } from '@mantine/core';
import { useMemo } from 'react';
import { pathLabel } from './tree';
import { useFolderTree } from './use-folders';

interface FolderSelectProps {
  label: string;
  name?: string;
  value: string | null;
  onChange: (id: string | null) => void;
  required?: boolean;
  error?: string;
  clearable?: boolean;
}

/** Any folder the caller can see, labelled by its path so same-named folders stay distinguishable. */
export function FolderSelect({ label, name, value, onChange, required, error, clearable }: FolderSelectProps) {
  const tree = useFolderTree();
  const data = useMemo(() => {
    const folders = tree.data ?? [];
    const byId = new Map(folders.map((f) => [f.id, f]));
    return folders
      .map((f) => ({ value: f.id, label: pathLabel(f, byId) }))
      .sort((a, b) => a.label.localeCompare(b.label));
  }, [tree.data]);
  return (
    <Select
      label={label}
      name={name}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      required={required}
      clearable={clearable}
      error={error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
