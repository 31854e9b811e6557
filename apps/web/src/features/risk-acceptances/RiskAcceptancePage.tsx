import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../app/layout/PageHeader';

// Scaffold: this page is being written.
export function RiskAcceptancePage() {
  const { t } = useTranslation('riskAcceptances');
  return <PageHeader title={t('title')} />;
}
