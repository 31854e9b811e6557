import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../app/layout/PageHeader';

// Placeholder while the page is being built.
export function EvidencePage() {
  const { t } = useTranslation('evidence');
  return <PageHeader title={t('title')} />;
}
