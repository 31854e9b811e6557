import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../app/layout/PageHeader';

// Scaffold: this page is being written.
export function AssetPage() {
  const { t } = useTranslation('assets');
  return <PageHeader title={t('title')} />;
}
