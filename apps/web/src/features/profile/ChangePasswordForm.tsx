import { Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api/client';
import { FormAlert, fieldErrorsOf } from '../../app/forms/errors';
import { notifySuccess } from '../../app/ui/notify';
import type { Profile } from './use-profile';
import { useRefreshAccount } from './use-profile';

export function ChangePasswordForm({ profile }: { profile: Profile }) {
  const { t, i18n } = useTranslation(['profile', 'auth']);
  const refresh = useRefreshAccount();
  const [mismatch, setMismatch] = useState(false);
  const change = useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      unwrap(api.POST('/api/v1/auth/password', { body })),
  });
  const errors = fieldErrorsOf(change.error);

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        const form = event.currentTarget;
        const data = new FormData(form);
        const newPassword = String(data.get('newPassword'));
        const same = newPassword === String(data.get('confirm'));
        setMismatch(!same);
        if (!same) return;
        change.mutate(
          { currentPassword: String(data.get('currentPassword')), newPassword },
          {
            onSuccess: () => {
              form.reset();
              notifySuccess(t('password.changed'));
              return refresh();
            },
          },
        );
      }}
    >
      <Stack maw={480}>
        {profile.passwordChangedAt && (
          <Text size="sm" c="dimmed">
            {t('password.lastChanged', { date: new Date(profile.passwordChangedAt).toLocaleString(i18n.language) })}
          </Text>
        )}
        <FormAlert error={change.error} fields={['currentPassword', 'newPassword']} />
        <PasswordInput
          name="currentPassword"
          label={t('password.current')}
          autoComplete="current-password"
          required
          error={errors.currentPassword}
        />
        <PasswordInput
          name="newPassword"
          label={t('password.new')}
          description={t('auth:setup.passwordHint')}
          autoComplete="new-password"
          required
          error={errors.newPassword}
        />
        <PasswordInput
          name="confirm"
          label={t('password.confirm')}
          autoComplete="new-password"
          required
          error={mismatch ? t('password.mismatch') : undefined}
        />
        <Group>
          <Button type="submit" loading={change.isPending}>
            {t('password.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
