import { useTranslation } from 'react-i18next';
import * as messages from './i18n';

type Key = keyof typeof messages.en;
const byLocale: Record<string, typeof messages.en> = messages;

/**
 * This feature's messages in the current language. Its namespace is not (yet) registered in the app's
 * resources, so it reads its own four languages, following the language i18next is set to.
 */
export function useExportsT() {
  const { i18n } = useTranslation();
  const table = byLocale[i18n.language.slice(0, 2)] ?? messages.en;
  return (key: Key, values: Record<string, string | number> = {}) =>
    table[key].replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''));
}
