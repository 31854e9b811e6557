import { Button, Card, Grid, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePermissionCatalog } from '../access/use-access';
import { useMembers } from '../members/use-members';
import { type AuditFilters, emptyFilters } from './use-audit';

interface AuditFiltersFormProps {
  value: AuditFilters;
  onChange: (next: AuditFilters) => void;
}

export function AuditFiltersForm({ value, onChange }: AuditFiltersFormProps) {
  const { t } = useTranslation(['audit', 'access']);
  const catalog = usePermissionCatalog();
  const members = useMembers('');
  const set = (key: keyof AuditFilters) => (next: string | null) => onChange({ ...value, [key]: next ?? '' });

  return (
    <Card withBorder component="section" aria-label={t('filters.label')} mb="md">
      <Grid align="flex-end">
        <Grid.Col span={{ base: 12, sm: 6, lg: 4 }}>
          <TextInput
            type="search"
            label={t('filters.text')}
            value={value.q}
            onChange={(e) => set('q')(e.currentTarget.value)}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6, lg: 4 }}>
          <TextInput
            label={t('filters.action')}
            placeholder={t('filters.actionHint')}
            value={value.action}
            onChange={(e) => set('action')(e.currentTarget.value)}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6, lg: 4 }}>
          <Select
            label={t('filters.objectType')}
            data={(catalog.data?.objectTypes ?? []).map((type) => ({
              value: type,
              label: t(`access:objectTypes.${type}` as 'access:objectTypes.folder', { defaultValue: type }),
            }))}
            value={value.objectType || null}
            onChange={set('objectType')}
            clearable
            comboboxProps={{ withinPortal: true }}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6, lg: 4 }}>
          <Select
            label={t('filters.actor')}
            data={members.items.map((m) => ({ value: m.userId, label: m.displayName }))}
            value={value.actorUserId || null}
            onChange={set('actorUserId')}
            searchable
            clearable
            comboboxProps={{ withinPortal: true }}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, lg: 3 }}>
          <TextInput
            type="date"
            label={t('filters.from')}
            value={value.from}
            onChange={(e) => set('from')(e.currentTarget.value)}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, lg: 3 }}>
          <TextInput
            type="date"
            label={t('filters.to')}
            value={value.to}
            onChange={(e) => set('to')(e.currentTarget.value)}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 2 }}>
          <Button variant="default" fullWidth onClick={() => onChange(emptyFilters)}>
            {t('filters.clear')}
          </Button>
        </Grid.Col>
      </Grid>
    </Card>
  );
}
