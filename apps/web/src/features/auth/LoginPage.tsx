import { Anchor, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api/client';
import { credentials } from '../../app/api/credentials';
import { ApiError } from '../../app/api/errors';
import { FormAlert } from '../../app/forms/errors';
import { safeRedirect } from '../../app/router/guards';
import { useResetSession } from '../../app/session/me';
import { AuthCard } from './AuthCard';
import { TotpStep } from './TotpStep';

const route = getRouteApi('/login');

export function LoginPage() {
  const { t } = useTranslation('auth');
  const search = route.useSearch();
  const navigate = useNavigate();
  const resetSession = useResetSession();
  const [step, setStep] = useState<'password' | 'totp'>('password');

  const finish = async (csrfToken: string | null) => {
    credentials.setCsrfToken(csrfToken);
    await resetSession();
    await navigate({ to: safeRedirect(search.redirect) });
  };

  const login = useMutation({
    mutationFn: (body: { email: string; password: string }) => unwrap(api.POST('/api/v1/auth/login', { body })),
    onSuccess: async (result) => {
      if (result.status === 'totp_required') setStep('totp');
      else await finish(result.csrfToken);
    },
  });

  if (step === 'totp') {
    return (
      <AuthCard title={t('totp.title')}>
        <TotpStep
          onSignedIn={finish}
          onCancel={async () => {
            await api.POST('/api/v1/auth/logout').catch(() => {});
            setStep('password');
          }}
        />
      </AuthCard>
    );
  }

  const error = login.error;
  const wrong = error instanceof ApiError && error.status === 401;
  const locked = error instanceof ApiError && error.status === 429;

  return (
    <AuthCard title={t('login.title')}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          login.mutate({ email: String(data.get('email')), password: String(data.get('password')) });
        }}
      >
        <Stack>
          {wrong || locked ? (
            <FormAlert error={new ApiError({ status: 400, detail: t(locked ? 'login.locked' : 'login.wrong') })} />
          ) : (
            <FormAlert error={error} fields={['email', 'password']} />
          )}
          <TextInput
            name="email"
            type="email"
            label={t('login.email')}
            autoComplete="username"
            required
            autoFocus
            error={error instanceof ApiError ? error.fieldMap().email : undefined}
          />
          <PasswordInput
            name="password"
            label={t('login.password')}
            autoComplete="current-password"
            required
            error={error instanceof ApiError ? error.fieldMap().password : undefined}
          />
          <Button type="submit" loading={login.isPending} fullWidth>
            {t('login.submit')}
          </Button>
          <Anchor component={Link} to="/forgot-password" size="sm" ta="center">
            {t('login.forgot')}
          </Anchor>
        </Stack>
      </form>
    </AuthCard>
  );
}
