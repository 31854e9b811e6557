import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TotpCodeDialog } from './TotpCodeDialog';
import { TotpEnrolDialog } from './TotpEnrolDialog';
import type { Profile } from './use-profile';

export function TwoFactorSection({ profile }: { profile: Profile }) {
  const { t } = useTranslation('profile');
  const [enrolling, setEnrolling] = useState(false);
  const [codeDialog, setCodeDialog] = useState<'disable' | 'regenerate' | null>(null);
  const on = profile.totpEnabled;

  return (
    <Stack maw={560}>
      <Group gap="xs">
        <Badge color={on ? 'green' : 'gray'} leftSection={on ? <IconShieldCheck size={12} aria-hidden /> : null}>
          {on ? t('totp.on') : t('totp.off')}
        </Badge>
        <Text size="sm">{on ? t('totp.explainOn') : t('totp.explainOff')}</Text>
      </Group>
      <Group>
        {!on && <Button onClick={() => setEnrolling(true)}>{t('totp.enable')}</Button>}
        {on && (
          <>
            <Button variant="light" onClick={() => setCodeDialog('regenerate')}>
              {t('totp.regenerate')}
            </Button>
            <Button variant="light" color="red" onClick={() => setCodeDialog('disable')}>
              {t('totp.disable')}
            </Button>
          </>
        )}
      </Group>
      <TotpEnrolDialog opened={enrolling} onClose={() => setEnrolling(false)} />
      <TotpCodeDialog purpose={codeDialog} onClose={() => setCodeDialog(null)} />
    </Stack>
  );
}
