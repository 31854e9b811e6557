import { useTranslation } from 'react-i18next';
import { YamlImportDialog } from '../library-import/YamlImportDialog';
import { useImportMatrices } from './use-risk-matrices';

/**
 * Uploads a CISO Assistant library YAML; its `objects.risk_matrix` land in the chosen folder, matched by URN
 * (unchanged, updated in place, or added as a new revision when assessments use the matrix).
 */
export function ImportMatricesDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('riskMatrices');
  const importer = useImportMatrices();
  return (
    <YamlImportDialog
      opened={opened}
      onClose={onClose}
      importer={importer}
      texts={{
        title: t('import.title'),
        intro: t('import.intro'),
        file: t('import.file'),
        clearFile: t('import.clearFile'),
        folder: t('fields.folder'),
        submit: t('import.submit'),
        done: t('import.done'),
        problems: t('import.problems'),
      }}
      summary={(result) =>
        t('import.summary', {
          created: result.created,
          updated: result.updated,
          revised: result.revised,
          unchanged: result.unchanged,
        })
      }
    />
  );
}
