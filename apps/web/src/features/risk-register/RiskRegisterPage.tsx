import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../app/layout/PageHeader';

// Scaffold: this page is being written.
export function RiskRegisterPage() {
  const { t } = useTranslation('riskRegister');
  return <PageHeader title={t('title')} />;
}
