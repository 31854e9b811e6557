import { Button, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormAlert, fieldErrorsOf } from '../../app/forms/errors';
import { notifySuccess } from '../../app/ui/notify';
import { treatments, useCreateScenario } from './use-risk-assessments';

const schema = z.object({ name: z.string().trim().min(1).max(300) });

/** Name, ref id, description and treatment; ratings and links are set on the scenario's page, where this leads. */
export function NewScenarioDialog({
  riskAssessmentId,
  opened,
  onClose,
}: {
  riskAssessmentId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation(['riskAssessments', 'common']);
  const create = useCreateScenario();
  const navigate = useNavigate();
  const [treatment, setTreatment] = useState<string | null>('open');
  const [nameError, setNameError] = useState<string | undefined>();
  const errors = fieldErrorsOf(create.error);
  const close = () => {
    create.reset();
    setNameError(undefined);
    onClose();
  };

  const submit = async (data: FormData) => {
    const parsed = schema.safeParse({ name: data.get('name') });
    if (!parsed.success) {
      setNameError(t('validation.nameRequired'));
      return;
    }
    setNameError(undefined);
    const refId = String(data.get('refId') ?? '').trim();
    const description = String(data.get('description') ?? '').trim();
    const scenario = await create.mutateAsync({
      riskAssessmentId,
      name: parsed.data.name,
      ...(refId ? { refId } : {}),
      ...(description ? { description } : {}),
      ...(treatment ? { treatment: treatment as (typeof treatments)[number] } : {}),
    });
    notifySuccess(t('scenarios.created'));
    close();
    await navigate({ to: '/risk-scenarios/$scenarioId', params: { scenarioId: scenario?.id ?? '' } });
  };

  return (
    <Modal opened={opened} onClose={close} title={t('scenarios.createTitle')}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit(new FormData(event.currentTarget)).catch(() => {});
        }}
        noValidate
      >
        <Stack>
          <FormAlert
            error={create.error}
            fields={['name', 'refId', 'description', 'treatment']}
            messages={{ risk_assessment_locked: t('conflict.locked') }}
          />
          <TextInput
            name="name"
            label={t('fields.name')}
            required
            maxLength={300}
            error={nameError ?? errors.name}
            data-autofocus
          />
          <TextInput name="refId" label={t('fields.refId')} maxLength={100} error={errors.refId} />
          <Textarea
            name="description"
            label={t('fields.description')}
            autosize
            minRows={2}
            maxLength={20000}
            error={errors.description}
          />
          <Select
            label={t('scenarios.treatment')}
            data={treatments.map((v) => ({ value: v, label: t(`treatment.${v}`) }))}
            value={treatment}
            onChange={setTreatment}
            error={errors.treatment}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('common:actions.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
