import { Alert, Anchor, Button, PasswordInput, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api/client';
import { FormAlert, fieldErrorsOf } from '../../app/forms/errors';
import { AuthCard } from './AuthCard';

const route = getRouteApi('/reset-password');

export function ResetPasswordPage() {
  const { t } = useTranslation('auth');
  const { token } = route.useSearch();
  const [mismatch, setMismatch] = useState(false);
  const confirm = useMutation({
    mutationFn: (newPassword: string) =>
      unwrap(api.POST('/api/v1/auth/password-reset/confirm', { body: { token: token ?? '', newPassword } })),
  });
  const errors = fieldErrorsOf(confirm.error);

  return (
    <AuthCard title={t('reset.title')}>
      {!token ? (
        <Alert color="red">{t('reset.missingToken')}</Alert>
      ) : confirm.isSuccess ? (
        <Alert color="green" role="status">
          {t('reset.done')}
        </Alert>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            const data = new FormData(event.currentTarget);
            const password = String(data.get('password'));
            const same = password === String(data.get('confirm'));
            setMismatch(!same);
            if (same) confirm.mutate(password);
          }}
        >
          <Stack>
            <FormAlert error={confirm.error} fields={['newPassword']} />
            <PasswordInput
              name="password"
              label={t('reset.password')}
              description={t('setup.passwordHint')}
              autoComplete="new-password"
              required
              error={errors.newPassword}
            />
            <PasswordInput
              name="confirm"
              label={t('reset.confirm')}
              autoComplete="new-password"
              required
              error={mismatch ? t('reset.mismatch') : undefined}
            />
            <Button type="submit" loading={confirm.isPending}>
              {t('reset.submit')}
            </Button>
          </Stack>
        </form>
      )}
      <Anchor component={Link} to="/login" size="sm" mt="md" display="block" ta="center">
        {t('forgot.back')}
      </Anchor>
    </AuthCard>
  );
}
