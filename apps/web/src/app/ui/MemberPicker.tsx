import { Loader, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api/client';
import { memberKeys } from '../../features/members/keys';

interface MemberPickerProps {
  label: string;
  value: string | null;
  /** The picked member's id, and the label shown for them ("Name <e-mail>"). */
  onChange: (userId: string | null, label?: string) => void;
  /** Members not to offer (already in the group). */
  exclude?: ReadonlySet<string>;
  required?: boolean;
  /** Shown under the label: what the chosen member must be (e.g. allowed to approve). */
  description?: string;
  error?: string;
  flex?: number;
}

interface Option {
  value: string;
  label: string;
}

/**
 * Picks one member of the organisation by asking the server, so that every member can be found and not only the
 * first page. The server matches names and e-mail addresses; the list is not filtered again here.
 */
export function MemberPicker({
  label,
  value,
  onChange,
  exclude,
  required,
  description,
  error,
  flex,
}: MemberPickerProps) {
  const { t } = useTranslation('access');
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<Option | null>(null);
  // Once a member is picked the input shows their label: that is not a new search.
  const typed = selected && search === selected.label ? '' : search.trim();
  const [q] = useDebouncedValue(typed, 250);
  const found = useQuery({
    queryKey: memberKeys.search(q),
    queryFn: () => unwrap(api.GET('/api/v1/members', { params: { query: { limit: 20, ...(q ? { q } : {}) } } })),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const options: Option[] = (found.data?.items ?? [])
    .filter((m) => !exclude?.has(m.userId))
    .map((m) => ({ value: m.userId, label: `${m.displayName} <${m.email}>` }));
  if (selected && value === selected.value && !options.some((o) => o.value === selected.value)) options.push(selected);

  return (
    <Select
      label={label}
      placeholder={t('bindings.memberSearch')}
      data={options}
      value={value}
      onChange={(id, option) => {
        setSelected(id ? option : null);
        onChange(id, option?.label);
      }}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={found.isFetching ? undefined : t('bindings.noMemberFound')}
      rightSection={found.isFetching ? <Loader size="xs" aria-hidden /> : undefined}
      required={required}
      description={description}
      error={error}
      flex={flex}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
