import { Button, Group, Select, Switch, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Framework } from './use-library';

export interface FilterState {
  text: string;
  implementationGroup: string | null;
  assessable: boolean;
  hideWithdrawn: boolean;
}

interface RequirementFiltersProps {
  framework: Framework;
  value: FilterState;
  onChange: (value: FilterState) => void;
  onExpandAll: () => void;
  onCollapseAll: () => void;
}

export function RequirementFilters({
  framework,
  value,
  onChange,
  onExpandAll,
  onCollapseAll,
}: RequirementFiltersProps) {
  const { t } = useTranslation('library');
  const set = (patch: Partial<FilterState>) => onChange({ ...value, ...patch });
  return (
    <Group align="flex-end" gap="md" mb="md" wrap="wrap">
      <TextInput
        label={t('filters.text')}
        placeholder={t('filters.textHint')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={value.text}
        onChange={(event) => set({ text: event.currentTarget.value })}
        maxLength={200}
        w={280}
        type="search"
      />
      {framework.implementationGroups.length > 0 && (
        <Select
          label={t('filters.group')}
          placeholder={t('filters.allGroups')}
          data={framework.implementationGroups.map((g) => ({ value: g.refId, label: g.name }))}
          value={value.implementationGroup}
          onChange={(group) => set({ implementationGroup: group })}
          clearable
          w={320}
        />
      )}
      <Switch
        label={t('filters.assessable')}
        checked={value.assessable}
        onChange={(event) => set({ assessable: event.currentTarget.checked })}
        mb={8}
      />
      <Switch
        label={t('filters.hideWithdrawn')}
        checked={value.hideWithdrawn}
        onChange={(event) => set({ hideWithdrawn: event.currentTarget.checked })}
        mb={8}
      />
      <Group gap="xs" ml="auto">
        <Button variant="default" size="xs" onClick={onExpandAll}>
          {t('filters.expandAll')}
        </Button>
        <Button variant="default" size="xs" onClick={onCollapseAll}>
          {t('filters.collapseAll')}
        </Button>
      </Group>
    </Group>
  );
}
