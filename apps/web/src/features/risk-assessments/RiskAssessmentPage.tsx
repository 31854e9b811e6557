import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../app/layout/PageHeader';

// Scaffold: this page is being written.
export function RiskAssessmentPage() {
  const { t } = useTranslation('riskAssessments');
  return <PageHeader title={t('title')} />;
}
