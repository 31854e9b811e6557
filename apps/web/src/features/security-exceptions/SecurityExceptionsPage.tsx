import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../app/layout/PageHeader';

// Scaffold: this page is being written.
export function SecurityExceptionsPage() {
  const { t } = useTranslation('securityExceptions');
  return <PageHeader title={t('title')} />;
}
