import { Button, Card, Group, Select, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../app/forms/errors';
import { notifySuccess } from '../../app/ui/notify';
import {
  type RequirementResult,
  type RequirementStatus,
  requirementResults,
  requirementStatuses,
  useBulkUpdate,
} from './use-assessments';

interface BulkBarProps {
  assessmentId: string;
  /** The checked requirement assessments with the versions the workspace loaded. */
  items: { id: string; version: number }[];
  onDone: () => void;
  onClear: () => void;
}

/** Sets one result and/or status on every checked requirement: one request, all or nothing. */
export function BulkBar({ assessmentId, items, onDone, onClear }: BulkBarProps) {
  const { t } = useTranslation(['assessments', 'common']);
  const bulk = useBulkUpdate(assessmentId);
  const [result, setResult] = useState<RequirementResult | null>(null);
  const [status, setStatus] = useState<RequirementStatus | null>(null);
  if (items.length === 0) return null;

  const apply = async () => {
    const saved = await bulk.mutateAsync({
      items,
      changes: { ...(result ? { result } : {}), ...(status ? { status } : {}) },
    });
    notifySuccess(t('bulk.done', { count: saved.updated }));
    setResult(null);
    setStatus(null);
    onDone();
  };

  return (
    <Card withBorder padding="xs" mb="xs" component="section" aria-label={t('bulk.title')}>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Text size="sm" fw={600} aria-live="polite">
          {t('bulk.selected', { count: items.length })}
        </Text>
        <Select
          size="xs"
          label={t('bulk.setResult')}
          data={requirementResults.map((r) => ({ value: r, label: t(`result.${r}`) }))}
          value={result}
          onChange={(value) => setResult(value as RequirementResult | null)}
          clearable
          comboboxProps={{ withinPortal: true }}
          w={190}
        />
        <Select
          size="xs"
          label={t('bulk.setStatus')}
          data={requirementStatuses.map((s) => ({ value: s, label: t(`raStatus.${s}`) }))}
          value={status}
          onChange={(value) => setStatus(value as RequirementStatus | null)}
          clearable
          comboboxProps={{ withinPortal: true }}
          w={160}
        />
        <Button
          size="xs"
          onClick={() => apply().catch(() => {})}
          disabled={!result && !status}
          loading={bulk.isPending}
        >
          {t('bulk.apply')}
        </Button>
        <Button size="xs" variant="default" onClick={onClear}>
          {t('bulk.clear')}
        </Button>
      </Group>
      <FormAlert
        error={bulk.error}
        onReload={() => {
          bulk.reset();
          onDone();
        }}
      />
    </Card>
  );
}
