import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../app/layout/PageHeader';

// Scaffold: this page is being written.
export function FindingsAssessmentPage() {
  const { t } = useTranslation('findings');
  return <PageHeader title={t('title')} />;
}
