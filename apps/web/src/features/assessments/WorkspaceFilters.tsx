import { Group, Select, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type RequirementResult,
  type RequirementStatus,
  requirementResults,
  requirementStatuses,
} from './use-assessments';
import type { WorkspaceFilters as Filters } from './workspace-rows';

interface WorkspaceFiltersProps {
  value: Filters;
  onChange: (value: Filters) => void;
  groups: { refId: string; name: string }[];
}

/** Text, result, status and implementation group filters over the loaded workspace (no round trip). */
export const WorkspaceFilters = memo(function WorkspaceFilters({ value, onChange, groups }: WorkspaceFiltersProps) {
  const { t } = useTranslation('assessments');
  return (
    <Group gap="sm" align="flex-end" mb="xs" wrap="wrap">
      <TextInput
        label={t('filters.text')}
        placeholder={t('filters.textHint')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={value.text}
        onChange={(event) => onChange({ ...value, text: event.currentTarget.value })}
        type="search"
        maxLength={200}
        w={240}
      />
      <Select
        label={t('filters.result')}
        data={requirementResults.map((r) => ({ value: r, label: t(`result.${r}`) }))}
        value={value.result}
        onChange={(v) => onChange({ ...value, result: v as RequirementResult | null })}
        clearable
        placeholder={t('filters.any')}
        w={190}
        comboboxProps={{ withinPortal: true }}
      />
      <Select
        label={t('filters.status')}
        data={requirementStatuses.map((s) => ({ value: s, label: t(`raStatus.${s}`) }))}
        value={value.status}
        onChange={(v) => onChange({ ...value, status: v as RequirementStatus | null })}
        clearable
        placeholder={t('filters.any')}
        w={160}
        comboboxProps={{ withinPortal: true }}
      />
      {groups.length > 0 && (
        <Select
          label={t('filters.group')}
          data={groups.map((g) => ({ value: g.refId, label: g.name }))}
          value={value.implementationGroup}
          onChange={(v) => onChange({ ...value, implementationGroup: v })}
          clearable
          placeholder={t('filters.any')}
          w={160}
          comboboxProps={{ withinPortal: true }}
        />
      )}
    </Group>
  );
});
