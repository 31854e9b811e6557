import { Center, Container, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { IconShieldLock } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { changeLocale, isLocale, locales } from '../../app/i18n';

/** The frame of every signed-out page, with a language picker since there is no user menu yet. */
export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  return (
    <Container component="main" size={440} py={48}>
      <Center mb="lg">
        <Group gap="xs">
          <IconShieldLock size={32} aria-hidden />
          <Stack gap={0}>
            <Text fw={700} size="xl">
              {t('appName')}
            </Text>
            <Text size="xs" c="dimmed">
              {t('tagline')}
            </Text>
          </Stack>
        </Group>
      </Center>
      <Paper withBorder shadow="sm" p="xl" radius="md">
        <Title order={1} size="h3" mb="md">
          {title}
        </Title>
        {children}
      </Paper>
      <Group justify="center" mt="md">
        <Select
          aria-label={t('header.language')}
          size="xs"
          w={140}
          data={locales.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
          value={i18n.language}
          allowDeselect={false}
          onChange={(value) => isLocale(value) && changeLocale(value)}
        />
      </Group>
    </Container>
  );
}
