import { Button, Menu } from '@mantine/core';
import { IconDownload, IconFileSpreadsheet, IconFileText, IconFileUpload, IconJson } from '@tabler/icons-react';
import { useState } from 'react';
import { ErrorLines } from '../../app/forms/errors';
import { notifyFailure } from '../../app/ui/notify';
import { downloadExport, type ExportFormat } from './download';
import { ImportAssessmentDialog } from './ImportAssessmentDialog';
import { useAssessmentAbilities } from './use-assessment-import';
import { useExportsT } from './use-exports-t';

const icon = { size: 16, 'aria-hidden': true } as const;

/**
 * The assessment workspace's export menu: the assessment as Excel, CSV or OSCAL, the Statement of
 * Applicability as Excel or PDF, and (for whoever may change an unlocked assessment) an import of a filled-in
 * export, checked first and applied after confirmation.
 */
export function AssessmentExportMenu({
  assessmentId,
  frameworkUrn,
  locked,
}: {
  assessmentId: string;
  frameworkUrn: string;
  locked: boolean;
}) {
  const t = useExportsT();
  const assessment = useAssessmentAbilities(assessmentId);
  const [importing, setImporting] = useState(false);
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const canImport = !locked && assessment.data?.abilities.editRequirements === true;

  const download = async (format: ExportFormat) => {
    setBusy(format);
    try {
      await downloadExport(assessmentId, format);
    } catch (error) {
      notifyFailure(<ErrorLines error={error} />, t('downloadFailed'));
    } finally {
      setBusy(null);
    }
  };
  const item = (format: ExportFormat, label: string, leftSection: React.ReactNode) => (
    <Menu.Item leftSection={leftSection} disabled={busy !== null} onClick={() => void download(format)}>
      {label}
    </Menu.Item>
  );

  return (
    <>
      <Menu withinPortal position="bottom-end">
        <Menu.Target>
          <Button
            variant="default"
            leftSection={<IconDownload {...icon} />}
            loading={busy !== null}
            title={t('menuLabel')}
          >
            {t('menu')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t('exports')}</Menu.Label>
          {item('xlsx', t('exportXlsx'), <IconFileSpreadsheet {...icon} />)}
          {item('csv', t('exportCsv'), <IconFileText {...icon} />)}
          {item('oscal', t('exportOscal'), <IconJson {...icon} />)}
          <Menu.Label>{t('statement')}</Menu.Label>
          {item('soa.xlsx', t('soaXlsx'), <IconFileSpreadsheet {...icon} />)}
          {item('soa.pdf', t('soaPdf'), <IconFileText {...icon} />)}
          {canImport && (
            <>
              <Menu.Divider />
              <Menu.Label>{t('importSection')}</Menu.Label>
              <Menu.Item leftSection={<IconFileUpload {...icon} />} onClick={() => setImporting(true)}>
                {t('import')}
              </Menu.Item>
            </>
          )}
        </Menu.Dropdown>
      </Menu>
      {canImport && (
        <ImportAssessmentDialog
          assessmentId={assessmentId}
          frameworkUrn={frameworkUrn}
          opened={importing}
          onClose={() => setImporting(false)}
        />
      )}
    </>
  );
}
