import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../app/layout/PageHeader';

// Scaffold: this page is being written.
export function ThreatsPage() {
  const { t } = useTranslation('threats');
  return <PageHeader title={t('title')} />;
}
