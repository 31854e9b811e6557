import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { type Locale, locales, type Resources, resources } from './resources';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: Resources;
  }
}

const LOCALE_KEY = 'rampart.locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** Before sign-in: the last choice made in this browser, else the browser's language, else English. */
function initialLocale(): Locale {
  try {
    const stored = localStorage.getItem(LOCALE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    // No storage: fall through to the browser's language.
  }
  const fromBrowser = globalThis.navigator?.language?.slice(0, 2);
  return isLocale(fromBrowser) ? fromBrowser : 'en';
}

export async function changeLocale(locale: Locale) {
  try {
    localStorage.setItem(LOCALE_KEY, locale);
  } catch {
    // The language still changes for this tab.
  }
  document.documentElement.lang = locale;
  await i18n.changeLanguage(locale);
}

void i18n.use(initReactI18next).init({
  resources,
  lng: initialLocale(),
  fallbackLng: 'en',
  defaultNS: 'common',
  ns: Object.keys(resources.en),
  interpolation: { escapeValue: false },
  returnNull: false,
});
if (typeof document !== 'undefined') document.documentElement.lang = i18n.language;

export type { Locale };
export { i18n, locales };
