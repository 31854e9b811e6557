import { Button, Group, Modal, NumberInput, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert, fieldErrorsOf } from '../../app/forms/errors';
import { notifySuccess } from '../../app/ui/notify';
import { type FindingSlas, severities, useUpdateSlas } from './use-findings';

type Days = FindingSlas['days'];

/** Days to fix per severity; an empty field means no due date for that severity. */
export function SlaDialog({ slas, opened, onClose }: { slas: FindingSlas; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation(['findings', 'common']);
  const update = useUpdateSlas();
  const [days, setDays] = useState<Record<keyof Days, string | number>>(() => ({
    critical: slas.days.critical ?? '',
    high: slas.days.high ?? '',
    medium: slas.days.medium ?? '',
    low: slas.days.low ?? '',
    info: slas.days.info ?? '',
  }));
  const errors = fieldErrorsOf(update.error);
  const close = () => {
    update.reset();
    onClose();
  };
  const save = async () => {
    const value = (v: string | number) => (v === '' ? null : Number(v));
    await update.mutateAsync({
      version: slas.version,
      days: {
        critical: value(days.critical),
        high: value(days.high),
        medium: value(days.medium),
        low: value(days.low),
        info: value(days.info),
      },
    });
    notifySuccess(t('sla.saved'));
    close();
  };

  return (
    <Modal opened={opened} onClose={close} title={t('sla.title')}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save().catch(() => {});
        }}
      >
        <Stack>
          <Text size="sm">{t('sla.intro')}</Text>
          {slas.isDefault && (
            <Text size="sm" c="dimmed">
              {t('sla.defaults')}
            </Text>
          )}
          <FormAlert error={update.error} fields={severities.map((s) => `days.${s}`)} />
          {severities.map((severity) => (
            <NumberInput
              key={severity}
              label={t('sla.days', { severity: t(`severity.${severity}`) })}
              min={1}
              max={3650}
              allowDecimal={false}
              value={days[severity]}
              onChange={(value) => setDays((current) => ({ ...current, [severity]: value }))}
              error={errors[`days.${severity}`]}
            />
          ))}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending}>
              {t('common:actions.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
