import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../app/layout/PageHeader';

// Placeholder while the page is being built.
export function AssessmentsPage() {
  const { t } = useTranslation('assessments');
  return <PageHeader title={t('title')} />;
}
