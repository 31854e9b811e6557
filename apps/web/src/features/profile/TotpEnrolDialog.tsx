import { Button, Center, Code, Group, Image, Loader, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api/client';
import { FormAlert, fieldErrorsOf } from '../../app/forms/errors';
import { RecoveryCodes } from './RecoveryCodes';
import { useRefreshAccount } from './use-profile';

/** Enrol (secret + QR code), confirm with a first code, then show the recovery codes exactly once. */
export function TotpEnrolDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation(['profile', 'common']);
  const refresh = useRefreshAccount();
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const enrol = useMutation({ mutationFn: () => unwrap(api.POST('/api/v1/auth/totp/enroll')) });
  const confirm = useMutation({
    mutationFn: (code: string) => unwrap(api.POST('/api/v1/auth/totp/confirm', { body: { code } })),
    onSuccess: async (result) => {
      setRecoveryCodes(result.recoveryCodes);
      await refresh();
    },
  });
  const { mutate: startEnrolment, reset: resetEnrolment } = enrol;

  useEffect(() => {
    if (opened) startEnrolment();
    else resetEnrolment();
  }, [opened, startEnrolment, resetEnrolment]);

  const close = () => {
    confirm.reset();
    setRecoveryCodes(null);
    onClose();
  };
  const secret = enrol.data;

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={recoveryCodes ? t('totp.recoveryTitle') : t('totp.enrolTitle')}
      closeOnClickOutside={!recoveryCodes}
      size="md"
    >
      {recoveryCodes ? (
        <RecoveryCodes codes={recoveryCodes} onDone={close} />
      ) : (
        <Stack>
          <FormAlert error={enrol.error} />
          {!secret ? (
            !enrol.error && (
              <Center py="lg">
                <Loader aria-label={t('common:states.loading')} />
              </Center>
            )
          ) : (
            <form
              onSubmit={(event) => {
                event.preventDefault();
                confirm.mutate(String(new FormData(event.currentTarget).get('code') ?? '').replace(/\s/g, ''));
              }}
            >
              <Stack>
                <Text size="sm">{t('totp.scan')}</Text>
                <Center>
                  <Image src={secret.qrCodeDataUrl} alt={t('totp.qrAlt')} w={200} h={200} />
                </Center>
                <Text size="sm">{t('totp.manual')}</Text>
                <Code block data-testid="totp-secret">
                  {secret.secret}
                </Code>
                <FormAlert error={confirm.error} fields={['code']} />
                <TextInput
                  name="code"
                  label={t('totp.code')}
                  autoComplete="one-time-code"
                  inputMode="numeric"
                  maxLength={6}
                  required
                  data-autofocus
                  error={fieldErrorsOf(confirm.error).code}
                />
                <Group justify="flex-end">
                  <Button variant="default" onClick={close}>
                    {t('common:actions.cancel')}
                  </Button>
                  <Button type="submit" loading={confirm.isPending}>
                    {t('totp.confirm')}
                  </Button>
                </Group>
              </Stack>
            </form>
          )}
        </Stack>
      )}
    </Modal>
  );
}
