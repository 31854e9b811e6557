import {
  ActionIcon,
  Alert,
  Button,
  ColorInput,
  Fieldset,
  Group,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../app/forms/errors';
import { notifySuccess } from '../../app/ui/notify';
import { MatrixGrid } from './MatrixGrid';
import { type MatrixDefinition, type RiskMatrix, useReviseMatrix, useUpdateMatrix } from './use-risk-matrices';

const MAX_LEVELS = 10;
const HEX = /^#[0-9a-fA-F]{6}$/;

type Scale = 'probability' | 'impact';
const nameLabel = {
  probability: 'fields.probabilityName',
  impact: 'fields.impactName',
  risk: 'fields.levelName',
} as const;

/** The definition's own checks, before sending; the server checks again and names the field. */
function problemsOf(name: string, def: MatrixDefinition): string[] {
  const problems: string[] = [];
  if (name.trim() === '') problems.push('name');
  for (const scale of ['probability', 'impact', 'risk'] as const) {
    def[scale].forEach((p, k) => {
      if (p.name.trim() === '' || p.abbreviation.trim() === '') problems.push(`${scale}.${k}`);
    });
  }
  def.risk.forEach((r, k) => {
    if (!HEX.test(r.color)) problems.push(`risk.${k}.color`);
  });
  return problems;
}

/**
 * Edits names of scale points and levels (name, colour) and the grid (a click cycles a cell's level). Saves in
 * place while no assessment uses the matrix; otherwise the change becomes a new revision. Remount per version.
 */
export function MatrixEditor({ matrix }: { matrix: RiskMatrix }) {
  const { t } = useTranslation(['riskMatrices', 'common']);
  const navigate = useNavigate();
  const update = useUpdateMatrix();
  const revise = useReviseMatrix();
  const [name, setName] = useState(matrix.name);
  const [def, setDef] = useState<MatrixDefinition>(() => structuredClone(matrix.definition));
  const [checked, setChecked] = useState(false);
  const problems = checked ? problemsOf(name, def) : [];
  const ownMatrix = matrix.source === 'organization';
  const editable = ownMatrix && (matrix.abilities.update || matrix.abilities.revise);
  const dirty = name !== matrix.name || JSON.stringify(def) !== JSON.stringify(matrix.definition);

  const renamePoint = (scale: Scale | 'risk', k: number, field: 'name' | 'abbreviation' | 'color', value: string) =>
    setDef((d) => ({ ...d, [scale]: d[scale].map((p, j) => (j === k ? { ...p, [field]: value } : p)) }));
  const cycle = (p: number, i: number) =>
    setDef((d) => ({
      ...d,
      grid: d.grid.map((row, rp) =>
        rp === p ? row.map((level, ri) => (ri === i ? (level + 1) % d.risk.length : level)) : row,
      ),
    }));
  const addLevel = () =>
    setDef((d) => ({
      ...d,
      risk: [
        ...d.risk,
        {
          abbreviation: `L${d.risk.length + 1}`,
          name: t('starting.level', { n: d.risk.length + 1 }),
          color: '#6a1b9a',
        },
      ],
    }));
  const removeLastLevel = () =>
    setDef((d) => {
      const last = d.risk.length - 1;
      return { ...d, risk: d.risk.slice(0, last), grid: d.grid.map((row) => row.map((l) => Math.min(l, last - 1))) };
    });

  const save = async (asRevision: boolean) => {
    setChecked(true);
    if (problemsOf(name, def).length > 0) return;
    if (asRevision) {
      const created = await revise.mutateAsync({ id: matrix.id, name: name.trim(), definition: def });
      notifySuccess(t('revisionCreated', { revision: created?.revision ?? '' }));
      await navigate({ to: '/risk-matrices/$matrixId', params: { matrixId: created?.id ?? matrix.id } });
    } else {
      await update.mutateAsync({ id: matrix.id, version: matrix.version, name: name.trim(), definition: def });
      notifySuccess(t('common:states.saved'));
    }
  };

  const pointFields = (scale: Scale | 'risk', title: string) => (
    <Fieldset legend={title} disabled={!editable}>
      <Stack gap="xs">
        {def[scale].map((point, k) => (
          <Group
            // biome-ignore lint/suspicious/noArrayIndexKey: a scale point or cell is identified by its position
            key={`${scale}-${k}`}
            gap="xs"
            wrap="nowrap"
            align="flex-end"
          >
            <TextInput
              label={t('fields.abbreviation', { n: k + 1 })}
              value={point.abbreviation}
              onChange={(e) => renamePoint(scale, k, 'abbreviation', e.currentTarget.value)}
              maxLength={10}
              w={90}
              error={
                problems.includes(`${scale}.${k}`) && point.abbreviation.trim() === ''
                  ? t('validation.required')
                  : undefined
              }
            />
            <TextInput
              label={t(nameLabel[scale], { n: k + 1 })}
              value={point.name}
              onChange={(e) => renamePoint(scale, k, 'name', e.currentTarget.value)}
              maxLength={100}
              style={{ flex: 1 }}
              error={
                problems.includes(`${scale}.${k}`) && point.name.trim() === '' ? t('validation.required') : undefined
              }
            />
            {scale === 'risk' && 'color' in point && (
              <ColorInput
                label={t('fields.colour', { n: k + 1 })}
                value={point.color}
                onChange={(value) => renamePoint('risk', k, 'color', value)}
                format="hex"
                w={130}
                error={problems.includes(`risk.${k}.color`) ? t('validation.colour') : undefined}
              />
            )}
          </Group>
        ))}
        {scale === 'risk' && editable && (
          <Group gap="xs">
            <Button
              size="xs"
              variant="light"
              leftSection={<IconPlus size={14} aria-hidden />}
              onClick={addLevel}
              disabled={def.risk.length >= MAX_LEVELS}
            >
              {t('addLevel')}
            </Button>
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('removeLastLevel')}
              onClick={removeLastLevel}
              disabled={def.risk.length <= 2}
            >
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
        )}
      </Stack>
    </Fieldset>
  );

  return (
    <Stack>
      {!ownMatrix && <Alert color="gray">{t('builtinReadOnly')}</Alert>}
      {ownMatrix && matrix.inUse > 0 && <Alert color="yellow">{t('inUseNotice', { count: matrix.inUse })}</Alert>}
      <FormAlert
        error={update.error ?? revise.error}
        messages={{ matrix_in_use: t('inUseNotice', { count: matrix.inUse }) }}
      />
      {editable && (
        <TextInput
          label={t('fields.name')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          maxLength={300}
          required
          error={problems.includes('name') ? t('validation.required') : undefined}
        />
      )}
      <Text size="sm" c="dimmed">
        {editable ? t('gridHint') : t('gridReadOnly')}
      </Text>
      <MatrixGrid definition={def} onCellClick={editable ? cycle : undefined} caption={t('gridCaption', { name })} />
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        {pointFields('probability', t('probabilityScale'))}
        {pointFields('impact', t('impactScale'))}
        {pointFields('risk', t('levels'))}
      </SimpleGrid>
      {editable && (
        <Group>
          {matrix.abilities.update && (
            <Button onClick={() => save(false).catch(() => {})} loading={update.isPending} disabled={!dirty}>
              {t('common:actions.save')}
            </Button>
          )}
          {matrix.abilities.revise && (
            <Button
              variant={matrix.abilities.update ? 'default' : 'filled'}
              onClick={() => save(true).catch(() => {})}
              loading={revise.isPending}
              disabled={!dirty}
            >
              {t('saveAsRevision')}
            </Button>
          )}
        </Group>
      )}
    </Stack>
  );
}
