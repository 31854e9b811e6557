import { useTranslation } from 'react-i18next';
import { YamlImportDialog } from '../library-import/YamlImportDialog';
import { useImportThreats } from './use-threats';

/** Uploads a CISO Assistant library YAML; its `objects.threats` land in the chosen folder (idempotent by URN). */
export function ImportThreatsDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('threats');
  const importer = useImportThreats();
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
        t('import.summary', { created: result.created, updated: result.updated, unchanged: result.unchanged })
      }
    />
  );
}
