import { Button, Group, Pill, Select, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MemberPicker } from '../../app/ui/MemberPicker';
import { hasCellFilter, type RatingKind, type RegisterSearch, ratingKinds, treatments } from './search';
import { type MatrixDefinition, useAssessmentOptions } from './use-risk-register';

interface RegisterFiltersProps {
  search: RegisterSearch;
  onChange: (changes: Partial<RegisterSearch>) => void;
  onClear: () => void;
  matrices: Map<string, MatrixDefinition>;
}

/** The register's filters; every change goes to the URL (the page reads its filters only from there). */
export function RegisterFilters({ search, onChange, onClear, matrices }: RegisterFiltersProps) {
  const { t } = useTranslation('riskRegister');
  const assessments = useAssessmentOptions();
  const [text, setText] = useState(search.q ?? '');
  const [q] = useDebouncedValue(text.trim(), 300);

  // biome-ignore lint/correctness/useExhaustiveDependencies: only typed text commits; the URL's q comes back below
  useEffect(() => {
    if (q !== (search.q ?? '')) onChange({ q: q || undefined });
  }, [q]);
  useEffect(() => {
    setText((current) => (current.trim() === (search.q ?? '') ? current : (search.q ?? '')));
  }, [search.q]);

  const assessment = assessments.data?.find((a) => a.id === search.riskAssessmentId);
  const definition = assessment ? matrices.get(assessment.riskMatrix.id) : undefined;
  const kind: RatingKind = search.ratingKind ?? 'current';
  const kindLabel = t(`ratingKind.${kind}`);
  const nameOf = (scale: 'probability' | 'impact', index: number | undefined) =>
    index === undefined
      ? t('filters.anyValue')
      : index < 0
        ? t('notRated')
        : (definition?.[scale][index]?.name ?? String(index + 1));
  const cellLabel =
    search.probability !== undefined || search.impact !== undefined
      ? t('filters.cellChip', {
          kind: kindLabel,
          probability: nameOf('probability', search.probability),
          impact: nameOf('impact', search.impact),
        })
      : t('filters.levelChip', {
          kind: kindLabel,
          level:
            search.level === undefined
              ? ''
              : (definition?.risk[search.level]?.name ?? (search.level < 0 ? t('notRated') : String(search.level + 1))),
        });

  return (
    <>
      <Group mb="sm" align="flex-end" wrap="wrap">
        <TextInput
          label={t('search')}
          placeholder={t('searchHint')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          maxLength={200}
          type="search"
          w={240}
        />
        <Select
          label={t('filters.assessment')}
          placeholder={t('any')}
          data={(assessments.data ?? []).map((a) => ({ value: a.id, label: a.name }))}
          value={search.riskAssessmentId ?? null}
          onChange={(value) => onChange({ riskAssessmentId: value ?? undefined })}
          searchable
          clearable
          w={220}
        />
        <Select
          label={t('filters.treatment')}
          placeholder={t('any')}
          data={treatments.map((value) => ({ value, label: t(`treatment.${value}`) }))}
          value={search.treatment ?? null}
          onChange={(value) => onChange({ treatment: treatments.find((v) => v === value) })}
          clearable
          w={160}
        />
        <Select
          label={t('filters.flagged')}
          placeholder={t('any')}
          data={[
            { value: 'true', label: t('filters.flaggedYes') },
            { value: 'false', label: t('filters.flaggedNo') },
          ]}
          value={search.flagged ?? null}
          onChange={(value) => onChange({ flagged: value === 'true' || value === 'false' ? value : undefined })}
          clearable
          w={160}
        />
        <Select
          label={t('filters.ratingKind')}
          data={ratingKinds.map((value) => ({ value, label: t(`ratingKind.${value}`) }))}
          value={kind}
          onChange={(value) => onChange({ ratingKind: ratingKinds.find((v) => v === value && v !== 'current') })}
          allowDeselect={false}
          w={140}
        />
        <MemberPicker
          label={t('filters.owner')}
          value={search.ownerId ?? null}
          onChange={(userId) => onChange({ ownerId: userId ?? undefined })}
        />
      </Group>
      <Group mb="md" gap="xs">
        {hasCellFilter(search) && (
          <Pill
            size="lg"
            withRemoveButton
            removeButtonProps={{ 'aria-label': t('filters.removeCell') }}
            onRemove={() => onChange({ probability: undefined, impact: undefined, level: undefined })}
          >
            {cellLabel}
          </Pill>
        )}
        {Object.keys(search).some((key) => key !== 'sort') && (
          <Button variant="subtle" size="compact-sm" onClick={onClear}>
            {t('filters.clearAll')}
          </Button>
        )}
      </Group>
    </>
  );
}
