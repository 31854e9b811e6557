import { Anchor, Group, MultiSelect, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Link } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../app/forms/errors';
import { type RequirementAssessment, useLinkCandidates, useSetLinks } from './use-assessments';

interface LinkPickerProps {
  assessmentId: string;
  ra: RequirementAssessment;
  kind: 'evidence' | 'controls';
}

/**
 * The evidence or applied controls backing a requirement: linked ones are listed with links to their pages, and
 * a searchable picker (over /api/v1/evidence or /api/v1/applied-controls) replaces the list on each change. When
 * that API does not answer, the picker says so and the linked items stay readable.
 */
export function LinkPicker({ assessmentId, ra, kind }: LinkPickerProps) {
  const { t } = useTranslation('assessments');
  const setLinks = useSetLinks(assessmentId);
  const linked = kind === 'evidence' ? ra.evidence : ra.appliedControls;
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [picking, setPicking] = useState(false);
  const candidates = useLinkCandidates(kind, q, picking && ra.abilities.link);
  const data = useMemo(() => {
    const byId = new Map<string, string>();
    for (const item of linked) byId.set(item.id, [item.refId, item.name].filter(Boolean).join(' '));
    for (const item of candidates.data ?? []) byId.set(item.id, [item.refId, item.name].filter(Boolean).join(' '));
    return [...byId].map(([value, label]) => ({ value, label }));
  }, [linked, candidates.data]);
  const label = kind === 'evidence' ? t('panel.evidence') : t('panel.controls');

  const change = (ids: string[]) =>
    setLinks
      .mutateAsync({
        id: ra.id,
        version: ra.version,
        ...(kind === 'evidence' ? { evidenceIds: ids } : { appliedControlIds: ids }),
      })
      .catch(() => {});

  return (
    <Stack gap={4}>
      {ra.abilities.link ? (
        <MultiSelect
          label={label}
          placeholder={t('panel.searchLinks')}
          data={data}
          value={linked.map((l) => l.id)}
          onChange={change}
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          onDropdownOpen={() => setPicking(true)}
          filter={({ options }) => options}
          nothingFoundMessage={candidates.error ? t('panel.linksUnavailable') : t('panel.noCandidates')}
          disabled={setLinks.isPending}
          comboboxProps={{ withinPortal: true }}
        />
      ) : (
        <Text size="sm" fw={500}>
          {label}
        </Text>
      )}
      {linked.length === 0 ? (
        <Text size="xs" c="dimmed">
          {t('panel.noLinks')}
        </Text>
      ) : (
        <Group gap="xs">
          {linked.map((item) => (
            <Anchor
              key={item.id}
              size="xs"
              renderRoot={(props) =>
                kind === 'evidence' ? (
                  <Link {...props} to="/evidence/$evidenceId" params={{ evidenceId: item.id }} />
                ) : (
                  <Link {...props} to="/controls/$controlId" params={{ controlId: item.id }} />
                )
              }
            >
              {[item.refId, item.name].filter(Boolean).join(' ')}
            </Anchor>
          ))}
        </Group>
      )}
      <FormAlert error={setLinks.error} />
    </Stack>
  );
}
