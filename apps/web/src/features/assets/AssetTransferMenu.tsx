import { Button, Menu } from '@mantine/core';
import { IconDownload, IconFileSpreadsheet, IconFileText, IconFileUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session/can';
import { notifyFailure } from '../../app/ui/notify';
import { ImportAssetsDialog } from './ImportAssetsDialog';
import { downloadAssets } from './use-assets';

const icon = { size: 16, 'aria-hidden': true } as const;

/** Export the inventory (CSV or XLSX) and, for whoever may create or edit assets, import a file back. */
export function AssetTransferMenu() {
  const { t } = useTranslation('assets');
  const can = useCan();
  const [busy, setBusy] = useState(false);
  const [importing, setImporting] = useState(false);
  const canImport = can.somewhere('asset:create') || can.somewhere('asset:update');

  const download = async (format: 'csv' | 'xlsx') => {
    setBusy(true);
    try {
      await downloadAssets(format);
    } catch {
      notifyFailure(t('transfer.downloadFailed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Menu withinPortal position="bottom-end">
        <Menu.Target>
          <Button variant="default" leftSection={<IconDownload {...icon} />} loading={busy}>
            {t('transfer.menu')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconFileText {...icon} />} onClick={() => void download('csv')}>
            {t('transfer.exportCsv')}
          </Menu.Item>
          <Menu.Item leftSection={<IconFileSpreadsheet {...icon} />} onClick={() => void download('xlsx')}>
            {t('transfer.exportXlsx')}
          </Menu.Item>
          {canImport && (
            <>
              <Menu.Divider />
              <Menu.Item leftSection={<IconFileUpload {...icon} />} onClick={() => setImporting(true)}>
                {t('transfer.import')}
              </Menu.Item>
            </>
          )}
        </Menu.Dropdown>
      </Menu>
      {canImport && <ImportAssetsDialog opened={importing} onClose={() => setImporting(false)} />}
    </>
  );
}
