import { Badge, Button, Group, Paper, Select, Stack, Table, Title } from '@mantine/core';
import { IconFlag } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../app/forms/errors';
import { notifySuccess } from '../../app/ui/notify';
import { levelOf } from './levels';
import { RiskLevelBadge } from './RiskLevelBadge';
import {
  type MatrixDefinition,
  type RatingKind,
  type RiskScenario,
  ratingKinds,
  useUpdateScenario,
} from './use-risk-assessments';

type Draft = Record<RatingKind, { probability: number; impact: number }>;

/**
 * Inherent, current and residual ratings as probability × impact selects named by the matrix scales. The level
 * shows at once (same grid as the server); saving sends all three and the server stores the levels.
 */
export function RatingsEditor({
  scenario,
  definition,
  onReload,
}: {
  scenario: RiskScenario;
  definition: MatrixDefinition;
  onReload: () => void;
}) {
  const { t } = useTranslation(['riskAssessments', 'common']);
  const update = useUpdateScenario();
  const [draft, setDraft] = useState<Draft>({
    inherent: { probability: scenario.inherent.probability, impact: scenario.inherent.impact },
    current: { probability: scenario.current.probability, impact: scenario.current.impact },
    residual: { probability: scenario.residual.probability, impact: scenario.residual.impact },
  });
  const editable = scenario.abilities.update;
  const options = (scale: MatrixDefinition['probability']) => [
    { value: '-1', label: t('notRated') },
    ...scale.map((point, index) => ({ value: String(index), label: `${point.abbreviation} · ${point.name}` })),
  ];
  const set = (kind: RatingKind, axis: 'probability' | 'impact', value: string | null) =>
    setDraft((d) => ({ ...d, [kind]: { ...d[kind], [axis]: Number(value ?? -1) } }));

  const save = async () => {
    await update.mutateAsync({ id: scenario.id, version: scenario.version, ...draft });
    notifySuccess(t('ratings.saved'));
  };

  return (
    <Paper withBorder p="md">
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('ratings.title')}
          </Title>
          {scenario.flagged && (
            <Badge color="red.9" size="lg" leftSection={<IconFlag size={14} aria-hidden />} title={t('flaggedHint')}>
              {t('flagged')}
            </Badge>
          )}
        </Group>
        <FormAlert
          error={update.error}
          onReload={onReload}
          messages={{ risk_assessment_locked: t('conflict.locked') }}
        />
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('ratings.kind')}</Table.Th>
              <Table.Th>{t('ratings.probability')}</Table.Th>
              <Table.Th>{t('ratings.impact')}</Table.Th>
              <Table.Th>{t('ratings.level')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {ratingKinds.map((kind) => {
              const kindName = t(`ratings.${kind}`);
              return (
                <Table.Tr key={kind}>
                  <Table.Td>{kindName}</Table.Td>
                  <Table.Td>
                    <Select
                      aria-label={t('ratings.probabilityOf', { kind: kindName })}
                      data={options(definition.probability)}
                      value={String(draft[kind].probability)}
                      onChange={(value) => set(kind, 'probability', value)}
                      disabled={!editable}
                      allowDeselect={false}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Select
                      aria-label={t('ratings.impactOf', { kind: kindName })}
                      data={options(definition.impact)}
                      value={String(draft[kind].impact)}
                      onChange={(value) => set(kind, 'impact', value)}
                      disabled={!editable}
                      allowDeselect={false}
                    />
                  </Table.Td>
                  <Table.Td data-testid={`level-${kind}`}>
                    <RiskLevelBadge
                      level={levelOf(definition, draft[kind].probability, draft[kind].impact)}
                      definition={definition}
                    />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        {editable && (
          <Group justify="flex-end">
            <Button onClick={() => save().catch(() => {})} loading={update.isPending}>
              {t('ratings.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
