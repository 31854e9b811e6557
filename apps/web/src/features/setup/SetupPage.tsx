import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api/client';
import { credentials } from '../../app/api/credentials';
import { ApiError } from '../../app/api/errors';
import { FormAlert, fieldErrorsOf } from '../../app/forms/errors';
import { useResetSession } from '../../app/session/me';
import { AuthCard } from '../auth/AuthCard';

interface SetupBody {
  organizationName: string;
  displayName: string;
  email: string;
  password: string;
}
const fields = ['organizationName', 'displayName', 'email', 'password'] as const;

/** First run: the first owner and organisation, then straight into the application. */
export function SetupPage() {
  const { t } = useTranslation('auth');
  const navigate = useNavigate();
  const resetSession = useResetSession();
  const setup = useMutation({
    mutationFn: (body: SetupBody) => unwrap(api.POST('/api/v1/setup', { body })),
    onSuccess: async (result) => {
      credentials.setCsrfToken(result.csrfToken);
      credentials.setOrganizationId(result.organizationId);
      await resetSession();
      await navigate({ to: '/folders' });
    },
  });
  const errors = fieldErrorsOf(setup.error);
  const done = setup.error instanceof ApiError && setup.error.code === 'setup_done';

  return (
    <AuthCard title={t('setup.title')}>
      {done ? (
        <Alert color="blue">
          <Text size="sm">{t('setup.done')}</Text>
          <Anchor component={Link} to="/login" size="sm">
            {t('login.title')}
          </Anchor>
        </Alert>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            const data = new FormData(event.currentTarget);
            setup.mutate(Object.fromEntries(fields.map((f) => [f, String(data.get(f) ?? '')])) as unknown as SetupBody);
          }}
        >
          <Stack>
            <Text size="sm">{t('setup.intro')}</Text>
            <FormAlert error={setup.error} fields={[...fields]} />
            <TextInput
              name="organizationName"
              label={t('setup.organizationName')}
              required
              maxLength={200}
              error={errors.organizationName}
              autoFocus
            />
            <TextInput
              name="displayName"
              label={t('setup.displayName')}
              autoComplete="name"
              required
              maxLength={200}
              error={errors.displayName}
            />
            <TextInput
              name="email"
              type="email"
              label={t('setup.email')}
              autoComplete="username"
              required
              maxLength={320}
              error={errors.email}
            />
            <PasswordInput
              name="password"
              label={t('setup.password')}
              description={t('setup.passwordHint')}
              autoComplete="new-password"
              required
              maxLength={200}
              error={errors.password}
            />
            <Button type="submit" loading={setup.isPending}>
              {t('setup.submit')}
            </Button>
          </Stack>
        </form>
      )}
    </AuthCard>
  );
}
