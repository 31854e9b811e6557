import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api/client';
import { FormAlert, fieldErrorsOf } from '../../app/forms/errors';
import { AuthCard } from './AuthCard';

/** Always answers the same way, whether or not the address has an account (the server does too). */
export function ForgotPasswordPage() {
  const { t } = useTranslation('auth');
  const request = useMutation({
    mutationFn: (email: string) => unwrap(api.POST('/api/v1/auth/password-reset/request', { body: { email } })),
  });

  return (
    <AuthCard title={t('forgot.title')}>
      {request.isSuccess ? (
        <Alert color="green" role="status">
          {t('forgot.sent')}
        </Alert>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            request.mutate(String(new FormData(event.currentTarget).get('email')));
          }}
        >
          <Stack>
            <Text size="sm">{t('forgot.intro')}</Text>
            <FormAlert error={request.error} fields={['email']} />
            <TextInput
              name="email"
              type="email"
              label={t('forgot.email')}
              autoComplete="email"
              required
              error={fieldErrorsOf(request.error).email}
            />
            <Button type="submit" loading={request.isPending}>
              {t('forgot.submit')}
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
