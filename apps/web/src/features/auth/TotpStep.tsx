import { Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api/client';
import { ApiError } from '../../app/api/errors';
import { FormAlert } from '../../app/forms/errors';

interface TotpStepProps {
  onSignedIn: (csrfToken: string) => Promise<void>;
  onCancel: () => void;
}

/** Second sign-in step: a code from the authenticator app, or a one-time recovery code. */
export function TotpStep({ onSignedIn, onCancel }: TotpStepProps) {
  const { t } = useTranslation('auth');
  const [mode, setMode] = useState<'code' | 'recovery'>('code');
  const verify = useMutation({
    mutationFn: (body: { code: string } | { recoveryCode: string }) =>
      unwrap(api.POST('/api/v1/auth/totp/verify-login', { body })),
    onSuccess: (result) => onSignedIn(result.csrfToken),
  });
  const error = verify.error;
  const wrong = error instanceof ApiError && error.status === 401 ? t('totp.wrong') : undefined;
  const fieldError = wrong ?? (error instanceof ApiError ? Object.values(error.fieldMap())[0] : undefined);

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        const value = String(new FormData(event.currentTarget).get('code') ?? '').trim();
        verify.mutate(mode === 'code' ? { code: value.replace(/\s/g, '') } : { recoveryCode: value });
      }}
    >
      <Stack>
        <Text size="sm">{mode === 'code' ? t('totp.intro') : t('totp.recoveryIntro')}</Text>
        {!fieldError && <FormAlert error={error} />}
        <TextInput
          key={mode}
          name="code"
          label={mode === 'code' ? t('totp.code') : t('totp.recoveryCode')}
          autoComplete="one-time-code"
          inputMode={mode === 'code' ? 'numeric' : 'text'}
          maxLength={mode === 'code' ? 6 : 40}
          required
          autoFocus
          error={fieldError}
        />
        <Button type="submit" loading={verify.isPending} fullWidth>
          {t('totp.submit')}
        </Button>
        <Anchor
          component="button"
          type="button"
          size="sm"
          onClick={() => {
            verify.reset();
            setMode(mode === 'code' ? 'recovery' : 'code');
          }}
        >
          {mode === 'code' ? t('totp.useRecovery') : t('totp.useApp')}
        </Anchor>
        <Anchor component="button" type="button" size="sm" c="dimmed" onClick={onCancel}>
          {t('totp.cancel')}
        </Anchor>
      </Stack>
    </form>
  );
}
