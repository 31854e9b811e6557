import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { FormAlert, fieldErrorsOf } from '../../app/forms/errors';
import { useCreateToken } from './use-tokens';

/** Create, then show the secret exactly once with a copy button; closing forgets it. */
export function CreateTokenDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation(['tokens', 'common']);
  const create = useCreateToken();
  const errors = fieldErrorsOf(create.error);
  const secret = create.data?.secret;
  const close = () => {
    create.reset();
    onClose();
  };

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={secret ? t('createdTitle') : t('createTitle')}
      closeOnClickOutside={!secret}
      size="lg"
    >
      {secret ? (
        <Stack>
          <Alert color="orange" role="status">
            {t('createdBody')}
          </Alert>
          <Text size="sm" fw={500} id="token-secret-label">
            {t('secret')}
          </Text>
          <Code
            block
            aria-labelledby="token-secret-label"
            data-testid="token-secret"
            style={{ wordBreak: 'break-all' }}
          >
            {secret}
          </Code>
          <Group justify="flex-end">
            <CopyButton value={secret}>
              {({ copied, copy }) => (
                <Button variant="light" leftSection={<IconCopy size={16} aria-hidden />} onClick={copy}>
                  {copied ? t('common:actions.copied') : t('common:actions.copy')}
                </Button>
              )}
            </CopyButton>
            <Button onClick={close}>{t('done')}</Button>
          </Group>
        </Stack>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            const data = new FormData(event.currentTarget);
            const day = String(data.get('expiresAt') ?? '');
            create.mutate({
              name: String(data.get('name')),
              // The token lasts through the chosen day in the user's time zone.
              ...(day ? { expiresAt: new Date(`${day}T23:59:59`).toISOString() } : {}),
            });
          }}
        >
          <Stack>
            <FormAlert error={create.error} fields={['name', 'expiresAt']} />
            <TextInput
              name="name"
              label={t('name')}
              description={t('nameHint')}
              required
              maxLength={200}
              data-autofocus
              error={errors.name}
            />
            <TextInput
              name="expiresAt"
              type="date"
              label={t('expiresAt')}
              description={t('expiresHint')}
              error={errors.expiresAt}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common:actions.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending}>
                {t('common:actions.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
