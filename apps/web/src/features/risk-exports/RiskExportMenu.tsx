import { Button, Menu } from '@mantine/core';
import { IconDownload, IconFileSpreadsheet, IconFileText, IconFileUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorLines } from '../../app/forms/errors';
import { notifyFailure } from '../../app/ui/notify';
import { downloadRiskExport, type RiskExportFormat } from './download';
import { ImportRegisterDialog } from './ImportRegisterDialog';
import { useRiskAssessmentForExports } from './use-risk-import';

const icon = { size: 16, 'aria-hidden': true } as const;
const closedStatuses = new Set(['done', 'deprecated']);

/**
 * The risk assessment's export menu: the register as an Excel workbook or a PDF report, and (for whoever may
 * create scenarios in an assessment still open) an import of a register from Excel, checked before it is applied.
 */
export function RiskExportMenu({ riskAssessmentId }: { riskAssessmentId: string }) {
  const { t } = useTranslation('riskExports');
  const assessment = useRiskAssessmentForExports(riskAssessmentId);
  const [importing, setImporting] = useState(false);
  const [busy, setBusy] = useState<RiskExportFormat | null>(null);
  const canImport = assessment.data?.abilities.createScenario === true && !closedStatuses.has(assessment.data.status);

  const download = async (format: RiskExportFormat) => {
    setBusy(format);
    try {
      await downloadRiskExport(riskAssessmentId, format);
    } catch (error) {
      notifyFailure(<ErrorLines error={error} />, t('downloadFailed'));
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <Menu withinPortal position="bottom-end">
        <Menu.Target>
          <Button
            variant="default"
            leftSection={<IconDownload {...icon} />}
            loading={busy !== null}
            aria-label={t('menuLabel')}
          >
            {t('menu')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t('exports')}</Menu.Label>
          <Menu.Item
            leftSection={<IconFileSpreadsheet {...icon} />}
            disabled={busy !== null}
            onClick={() => void download('xlsx')}
          >
            {t('exportXlsx')}
          </Menu.Item>
          <Menu.Item
            leftSection={<IconFileText {...icon} />}
            disabled={busy !== null}
            onClick={() => void download('pdf')}
          >
            {t('exportPdf')}
          </Menu.Item>
          {canImport && (
            <>
              <Menu.Divider />
              <Menu.Label>{t('importSection')}</Menu.Label>
              <Menu.Item leftSection={<IconFileUpload {...icon} />} onClick={() => setImporting(true)}>
                {t('importItem')}
              </Menu.Item>
            </>
          )}
        </Menu.Dropdown>
      </Menu>
      {canImport && (
        <ImportRegisterDialog
          riskAssessmentId={riskAssessmentId}
          opened={importing}
          onClose={() => setImporting(false)}
        />
      )}
    </>
  );
}
