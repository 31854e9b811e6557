import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api/client';
import { credentials } from '../../app/api/credentials';
import { FormAlert } from '../../app/forms/errors';
import { useResetSession } from '../../app/session/me';

export function SessionsSection() {
  const { t } = useTranslation(['profile', 'common']);
  const [opened, { open, close }] = useDisclosure();
  const navigate = useNavigate();
  const resetSession = useResetSession();
  const logout = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/auth/logout-everywhere')),
    onSuccess: async () => {
      credentials.clear();
      await resetSession();
      await navigate({ to: '/login' });
    },
  });

  return (
    <Stack maw={560}>
      <Text size="sm">{t('sessions.body')}</Text>
      <Group>
        <Button variant="light" color="red" onClick={open}>
          {t('sessions.logoutEverywhere')}
        </Button>
      </Group>
      <Modal opened={opened} onClose={close} title={t('sessions.logoutEverywhere')}>
        <Stack>
          <Text size="sm">{t('sessions.confirm')}</Text>
          <FormAlert error={logout.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common:actions.cancel')}
            </Button>
            <Button color="red" loading={logout.isPending} onClick={() => logout.mutate()}>
              {t('sessions.logoutEverywhere')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
