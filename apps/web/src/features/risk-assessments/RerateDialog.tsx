import { Button, Group, Modal, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../app/forms/errors';
import { notifySuccess } from '../../app/ui/notify';
import { proportionalMap } from './levels';
import { type MatrixDefinition, type RiskAssessment, useMatrixOptions, useRerate } from './use-risk-assessments';

type Scale = MatrixDefinition['probability'];

/** One select per point of the old scale, offering the new scale's points. */
function MapEditor({
  legend,
  from,
  to,
  value,
  onChange,
}: {
  legend: string;
  from: Scale;
  to: Scale;
  value: number[];
  onChange: (next: number[]) => void;
}) {
  const { t } = useTranslation('riskAssessments');
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {legend}
      </Title>
      {from.map((point, index) => (
        <Select
          key={`${legend}-${point.name}`}
          label={`${legend}: ${t('rerate.mapTo', { from: point.name })}`}
          data={to.map((p, i) => ({ value: String(i), label: p.name }))}
          value={String(value[index] ?? 0)}
          onChange={(selected) => {
            const next = [...value];
            next[index] = Number(selected ?? 0);
            onChange(next);
          }}
          allowDeselect={false}
        />
      ))}
    </Stack>
  );
}

/** Moves the assessment onto another matrix: each old point mapped to a new one (proportional by default). */
export function RerateDialog({
  assessment,
  opened,
  onClose,
}: {
  assessment: RiskAssessment;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation(['riskAssessments', 'common']);
  const matrices = useMatrixOptions(true);
  const rerate = useRerate();
  const from = assessment.riskMatrix.definition;
  const [matrixId, setMatrixId] = useState<string | null>(null);
  const [probabilityMap, setProbabilityMap] = useState<number[]>([]);
  const [impactMap, setImpactMap] = useState<number[]>([]);
  const [tolerance, setTolerance] = useState<string | null>(null);
  const target = matrices.data?.find((m) => m.id === matrixId);
  const close = () => {
    rerate.reset();
    onClose();
  };

  const choose = (id: string | null) => {
    setMatrixId(id);
    const def = matrices.data?.find((m) => m.id === id)?.definition;
    if (!def) return;
    setProbabilityMap(proportionalMap(from.probability.length, def.probability.length));
    setImpactMap(proportionalMap(from.impact.length, def.impact.length));
    const old = assessment.riskToleranceLevel;
    setTolerance(old === null ? null : String(proportionalMap(from.risk.length, def.risk.length)[old] ?? 0));
  };

  const submit = async () => {
    if (!target) return;
    await rerate.mutateAsync({
      id: assessment.id,
      version: assessment.version,
      riskMatrixId: target.id,
      probabilityMap,
      impactMap,
      toleranceLevel: tolerance === null ? null : Number(tolerance),
    });
    notifySuccess(t('rerate.done'));
    close();
  };

  return (
    <Modal opened={opened} onClose={close} title={t('rerate.title')} size="lg">
      <Stack>
        <Text size="sm">{t('rerate.intro')}</Text>
        <FormAlert error={rerate.error} />
        <Select
          label={t('rerate.matrix')}
          data={(matrices.data ?? [])
            .filter((m) => m.id !== assessment.riskMatrix.id)
            .map((m) => ({ value: m.id, label: m.revision > 1 ? `${m.name} (r${m.revision})` : m.name }))}
          value={matrixId}
          onChange={choose}
          searchable
          required
        />
        {target && (
          <>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <MapEditor
                legend={t('rerate.probabilityMap')}
                from={from.probability}
                to={target.definition.probability}
                value={probabilityMap}
                onChange={setProbabilityMap}
              />
              <MapEditor
                legend={t('rerate.impactMap')}
                from={from.impact}
                to={target.definition.impact}
                value={impactMap}
                onChange={setImpactMap}
              />
            </SimpleGrid>
            <Select
              label={t('rerate.tolerance')}
              placeholder={t('noTolerance')}
              data={target.definition.risk.map((level, index) => ({ value: String(index), label: level.name }))}
              value={tolerance}
              onChange={setTolerance}
              clearable
            />
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common:actions.cancel')}
          </Button>
          <Button onClick={() => submit().catch(() => {})} loading={rerate.isPending} disabled={!target}>
            {t('rerate.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
