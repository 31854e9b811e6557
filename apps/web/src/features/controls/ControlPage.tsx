import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../app/layout/PageHeader';

// Placeholder while the page is being built.
export function ControlPage() {
  const { t } = useTranslation('controls');
  return <PageHeader title={t('title')} />;
}
