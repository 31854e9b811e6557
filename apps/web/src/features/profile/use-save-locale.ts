import { useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../app/api/client';
import { changeLocale, type Locale } from '../../app/i18n';
import { meQuery } from '../../app/session/me';
import { profileKeys } from './keys';

/** Switches the interface language now and remembers it on the account (e-mails use it too). */
export function useSaveLocale() {
  const queryClient = useQueryClient();
  return async (locale: Locale) => {
    await changeLocale(locale);
    try {
      const profile = await unwrap(api.GET('/api/v1/users/me'));
      if (profile.locale === locale) return;
      queryClient.setQueryData(
        profileKeys.mine,
        await unwrap(api.PATCH('/api/v1/users/me', { body: { locale, version: profile.version } })),
      );
      await queryClient.invalidateQueries(meQuery);
    } catch {
      // The language already changed on screen; saving it to the account can wait for the next change.
    }
  };
}
