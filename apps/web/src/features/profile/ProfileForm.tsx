import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormAlert, fieldErrorsOf } from '../../app/forms/errors';
import { changeLocale, isLocale, locales } from '../../app/i18n';
import { notifySuccess } from '../../app/ui/notify';
import { type Profile, useRefreshAccount, useUpdateProfile } from './use-profile';

export function ProfileForm({ profile }: { profile: Profile }) {
  const { t } = useTranslation(['profile', 'common']);
  const update = useUpdateProfile();
  const refresh = useRefreshAccount();
  const errors = fieldErrorsOf(update.error);

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const locale = String(data.get('locale'));
        update.mutate(
          {
            version: profile.version,
            displayName: String(data.get('displayName')),
            ...(isLocale(locale) ? { locale } : {}),
          },
          {
            onSuccess: async (saved) => {
              await changeLocale(saved.locale);
              notifySuccess(t('common:states.saved'));
            },
          },
        );
      }}
    >
      <Stack maw={480}>
        <FormAlert error={update.error} fields={['displayName', 'locale']} onReload={() => refresh()} />
        <TextInput label={t('email')} value={profile.email} readOnly />
        <TextInput
          key={`name-${profile.version}`}
          name="displayName"
          label={t('displayName')}
          defaultValue={profile.displayName}
          required
          maxLength={200}
          autoComplete="name"
          error={errors.displayName}
        />
        <Select
          key={`locale-${profile.version}`}
          name="locale"
          label={t('language')}
          defaultValue={profile.locale}
          data={locales.map((l) => ({ value: l, label: t(`common:languages.${l}`) }))}
          allowDeselect={false}
          error={errors.locale}
        />
        <Group>
          <Button type="submit" loading={update.isPending}>
            {t('common:actions.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
