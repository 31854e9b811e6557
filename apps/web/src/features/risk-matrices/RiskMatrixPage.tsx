import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../app/layout/PageHeader';

// Scaffold: this page is being written.
export function RiskMatrixPage() {
  const { t } = useTranslation('riskMatrices');
  return <PageHeader title={t('title')} />;
}
