import { Anchor, Group, Text } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useState } from 'react';
import { ErrorLines } from '../../app/forms/errors';
import { notifyFailure } from '../../app/ui/notify';
import { downloadFrameworkTemplate } from './download';
import { useExportsT } from './use-exports-t';

/** "Download the framework template": the workbook a person fills in to create a framework, then imports. */
export function LibraryTemplateLink({ withHint = false }: { withHint?: boolean }) {
  const t = useExportsT();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      await downloadFrameworkTemplate();
    } catch (error) {
      notifyFailure(<ErrorLines error={error} />, t('downloadFailed'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Group gap={6} wrap="nowrap">
      <IconFileSpreadsheet size={16} aria-hidden />
      <Anchor component="button" type="button" size="sm" onClick={() => void download()} disabled={busy}>
        {t('templateLink')}
      </Anchor>
      {withHint && (
        <Text size="sm" c="dimmed">
          {t('templateHint')}
        </Text>
      )}
    </Group>
  );
}
