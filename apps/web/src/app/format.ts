import { useTranslation } from 'react-i18next';

/** Dates in the interface language (the API sends ISO strings). */
export function useFormatDate() {
  const { i18n, t } = useTranslation();
  return (value: string | Date | null | undefined, withTime = true): string => {
    if (!value) return t('states.never');
    const date = typeof value === 'string' ? new Date(value) : value;
    return withTime
      ? date.toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' })
      : date.toLocaleDateString(i18n.language, { dateStyle: 'medium' });
  };
}
