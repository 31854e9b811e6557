import { Button, Group, Modal, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api/client';
import { FormAlert, fieldErrorsOf } from '../../app/forms/errors';
import { notifySuccess } from '../../app/ui/notify';
import { RecoveryCodes } from './RecoveryCodes';
import { useRefreshAccount } from './use-profile';

type Purpose = 'disable' | 'regenerate';

/** Turning two-factor off (password + code) or replacing the recovery codes (code) — both prove the app is at hand. */
export function TotpCodeDialog({ purpose, onClose }: { purpose: Purpose | null; onClose: () => void }) {
  const { t } = useTranslation(['profile', 'common']);
  const refresh = useRefreshAccount();
  const [codes, setCodes] = useState<string[] | null>(null);
  const action = useMutation({
    mutationFn: async ({ code, password }: { code: string; password: string }) => {
      if (purpose === 'disable') {
        await unwrap(api.POST('/api/v1/auth/totp/disable', { body: { code, password } }));
        return null;
      }
      return (await unwrap(api.POST('/api/v1/auth/totp/recovery-codes', { body: { code } }))).recoveryCodes;
    },
    onSuccess: async (result) => {
      await refresh();
      if (result) setCodes(result);
      else {
        notifySuccess(t('totp.disabled'));
        close();
      }
    },
  });
  const errors = fieldErrorsOf(action.error);
  const close = () => {
    action.reset();
    setCodes(null);
    onClose();
  };
  const title = codes
    ? t('totp.recoveryTitle')
    : purpose === 'disable'
      ? t('totp.disableTitle')
      : t('totp.regenerateTitle');

  return (
    <Modal opened={purpose !== null} onClose={close} title={title} closeOnClickOutside={!codes}>
      {codes ? (
        <RecoveryCodes codes={codes} onDone={close} />
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            const data = new FormData(event.currentTarget);
            action.mutate({
              code: String(data.get('code') ?? '').replace(/\s/g, ''),
              password: String(data.get('password') ?? ''),
            });
          }}
        >
          <Stack>
            <Text size="sm">{purpose === 'disable' ? t('totp.disableBody') : t('totp.regenerateBody')}</Text>
            <FormAlert error={action.error} fields={['code', 'password']} />
            {purpose === 'disable' && (
              <PasswordInput
                name="password"
                label={t('password.current')}
                autoComplete="current-password"
                required
                error={errors.password}
              />
            )}
            <TextInput
              name="code"
              label={t('totp.code')}
              autoComplete="one-time-code"
              inputMode="numeric"
              maxLength={6}
              required
              error={errors.code}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common:actions.cancel')}
              </Button>
              <Button type="submit" color={purpose === 'disable' ? 'red' : undefined} loading={action.isPending}>
                {purpose === 'disable' ? t('totp.disable') : t('totp.regenerate')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
