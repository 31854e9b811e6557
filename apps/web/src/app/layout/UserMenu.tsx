import { Avatar, Group, Menu, Text, UnstyledButton, useMantineColorScheme } from '@mantine/core';
import { IconCheck, IconLogout, IconUser } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useSaveLocale } from '../../features/profile/use-save-locale';
import { api } from '../api/client';
import { credentials } from '../api/credentials';
import { locales } from '../i18n';
import { useMe, useResetSession } from '../session/me';

const schemes = ['light', 'dark', 'auto'] as const;
const schemeLabel = { light: 'header.themeLight', dark: 'header.themeDark', auto: 'header.themeAuto' } as const;

export function UserMenu() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  const navigate = useNavigate();
  const resetSession = useResetSession();
  const saveLocale = useSaveLocale();
  const check = (on: boolean) => (on ? <IconCheck size={14} aria-hidden /> : <span style={{ width: 14 }} />);

  const signOut = async () => {
    await api.POST('/api/v1/auth/logout').catch(() => {});
    credentials.clear();
    await resetSession();
    await navigate({ to: '/login' });
  };

  return (
    <Menu position="bottom-end" width={220} withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={t('header.userMenu')}>
          <Group gap="xs" wrap="nowrap">
            {/* A fixed dark fill: colours derived from the name fail contrast for some names. */}
            <Avatar name={me.user.displayName} color="indigo.9" variant="filled" size="sm" />
            <Text size="sm" visibleFrom="sm" maw={180} truncate>
              {me.user.displayName}
            </Text>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{me.user.email}</Menu.Label>
        <Menu.Item leftSection={<IconUser size={14} aria-hidden />} onClick={() => navigate({ to: '/profile' })}>
          {t('header.profile')}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Label>{t('header.theme')}</Menu.Label>
        {schemes.map((scheme) => (
          <Menu.Item key={scheme} leftSection={check(colorScheme === scheme)} onClick={() => setColorScheme(scheme)}>
            {t(schemeLabel[scheme])}
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Label>{t('header.language')}</Menu.Label>
        {locales.map((locale) => (
          <Menu.Item
            key={locale}
            lang={locale}
            leftSection={check(i18n.language === locale)}
            onClick={() => saveLocale(locale)}
          >
            {t(`languages.${locale}`)}
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Item leftSection={<IconLogout size={14} aria-hidden />} onClick={signOut}>
          {t('header.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
