import { Button, Fieldset, Group, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormAlert, fieldErrorsOf } from '../../app/forms/errors';
import { MemberPicker } from '../../app/ui/MemberPicker';
import { notifySuccess } from '../../app/ui/notify';
import { knowledgeLevels, type RiskScenario, treatments, useUpdateScenario } from './use-risk-assessments';

const text = (data: FormData, name: string) => {
  const value = String(data.get(name) ?? '').trim();
  return value === '' ? null : value;
};
const nameSchema = z.string().trim().min(1).max(300);

/** The scenario’s fields; read-only when the caller may not update it. Remount when the fields change on the server. */
export function ScenarioForm({ scenario, onReload }: { scenario: RiskScenario; onReload: () => void }) {
  const { t } = useTranslation(['riskAssessments', 'common']);
  const update = useUpdateScenario();
  const [treatment, setTreatment] = useState<string | null>(scenario.treatment);
  const [knowledge, setKnowledge] = useState<string | null>(scenario.strengthOfKnowledge);
  const [ownerId, setOwnerId] = useState<string | null>(scenario.owner?.id ?? null);
  const [nameError, setNameError] = useState<string | undefined>();
  const errors = fieldErrorsOf(update.error);

  const submit = async (data: FormData) => {
    const name = nameSchema.safeParse(data.get('name'));
    if (!name.success) {
      setNameError(t('validation.nameRequired'));
      return;
    }
    setNameError(undefined);
    await update.mutateAsync({
      id: scenario.id,
      version: scenario.version,
      name: name.data,
      refId: text(data, 'refId'),
      description: text(data, 'description'),
      vulnerabilities: text(data, 'vulnerabilities'),
      existingControlsText: text(data, 'existingControlsText'),
      justification: text(data, 'justification'),
      treatment: (treatment ?? 'open') as RiskScenario['treatment'],
      strengthOfKnowledge: knowledge as RiskScenario['strengthOfKnowledge'],
      ownerId,
    });
    notifySuccess(t('common:states.saved'));
  };

  const fields = [
    'name',
    'refId',
    'description',
    'vulnerabilities',
    'existingControlsText',
    'justification',
    'treatment',
    'strengthOfKnowledge',
    'ownerId',
  ];
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit(new FormData(event.currentTarget)).catch(() => {});
      }}
      noValidate
    >
      <Fieldset legend={t('scenarios.details')} disabled={!scenario.abilities.update}>
        <Stack>
          <FormAlert
            error={update.error}
            fields={fields}
            onReload={onReload}
            messages={{ risk_assessment_locked: t('conflict.locked') }}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              name="name"
              label={t('fields.name')}
              required
              maxLength={300}
              defaultValue={scenario.name}
              error={nameError ?? errors.name}
            />
            <TextInput
              name="refId"
              label={t('fields.refId')}
              maxLength={100}
              defaultValue={scenario.refId ?? ''}
              error={errors.refId}
            />
          </SimpleGrid>
          <Textarea
            name="description"
            label={t('fields.description')}
            autosize
            minRows={2}
            maxLength={20000}
            defaultValue={scenario.description ?? ''}
            error={errors.description}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Textarea
              name="vulnerabilities"
              label={t('scenarios.vulnerabilities')}
              autosize
              minRows={2}
              maxLength={20000}
              defaultValue={scenario.vulnerabilities ?? ''}
              error={errors.vulnerabilities}
            />
            <Textarea
              name="existingControlsText"
              label={t('scenarios.existingControlsText')}
              autosize
              minRows={2}
              maxLength={20000}
              defaultValue={scenario.existingControlsText ?? ''}
              error={errors.existingControlsText}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={t('scenarios.treatment')}
              data={treatments.map((v) => ({ value: v, label: t(`treatment.${v}`) }))}
              value={treatment}
              onChange={setTreatment}
              allowDeselect={false}
              error={errors.treatment}
            />
            <Select
              label={t('scenarios.strengthOfKnowledge')}
              data={knowledgeLevels.map((v) => ({ value: v, label: t(`knowledge.${v}`) }))}
              value={knowledge}
              onChange={setKnowledge}
              clearable
              error={errors.strengthOfKnowledge}
            />
            <MemberPicker label={t('scenarios.owner')} value={ownerId} onChange={setOwnerId} error={errors.ownerId} />
          </SimpleGrid>
          <Textarea
            name="justification"
            label={t('scenarios.justification')}
            autosize
            minRows={2}
            maxLength={20000}
            defaultValue={scenario.justification ?? ''}
            error={errors.justification}
          />
          {scenario.abilities.update && (
            <Group justify="flex-end">
              <Button type="submit" loading={update.isPending}>
                {t('common:actions.save')}
              </Button>
            </Group>
          )}
        </Stack>
      </Fieldset>
    </form>
  );
}
