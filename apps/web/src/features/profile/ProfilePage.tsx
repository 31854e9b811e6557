import { Alert, Button, Card, Stack, Text, Title } from '@mantine/core';
import { IconShieldLock } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../app/layout/PageHeader';
import { QueryState } from '../../app/layout/QueryState';
import { mustEnrolTotp, useMe } from '../../app/session/me';
import { ChangePasswordForm } from './ChangePasswordForm';
import { ProfileForm } from './ProfileForm';
import { SessionsSection } from './SessionsSection';
import { TotpEnrolDialog } from './TotpEnrolDialog';
import { TwoFactorSection } from './TwoFactorSection';
import { useProfile } from './use-profile';

export function ProfilePage() {
  const { t } = useTranslation('profile');
  const profile = useProfile();
  const enrolmentRequired = mustEnrolTotp(useMe());
  const [enrolling, setEnrolling] = useState(false);
  return (
    <>
      <PageHeader title={t('title')} description={t('intro')} />
      {enrolmentRequired && (
        <Alert
          color="orange"
          icon={<IconShieldLock aria-hidden />}
          title={t('totp.required')}
          role="alert"
          mb="md"
          maw={720}
        >
          <Stack gap="sm" align="flex-start">
            <Text size="sm">{t('totp.requiredBody')}</Text>
            <Button onClick={() => setEnrolling(true)}>{t('totp.requiredAction')}</Button>
          </Stack>
        </Alert>
      )}
      <TotpEnrolDialog opened={enrolling} onClose={() => setEnrolling(false)} />
      <QueryState query={profile}>
        {profile.data && (
          <Stack>
            <Section id="profile-details" title={t('details')}>
              <ProfileForm profile={profile.data} />
            </Section>
            <Section id="profile-password" title={t('password.title')}>
              <ChangePasswordForm profile={profile.data} />
            </Section>
            <Section id="profile-totp" title={t('totp.title')}>
              <TwoFactorSection profile={profile.data} />
            </Section>
            <Section id="profile-sessions" title={t('sessions.title')}>
              <SessionsSection />
            </Section>
          </Stack>
        )}
      </QueryState>
    </>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card withBorder component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}
