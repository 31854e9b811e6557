import { Button, Tabs } from '@mantine/core';
import { IconMailPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../app/layout/PageHeader';
import { useCan } from '../../app/session/can';
import { InvitationsTable } from './InvitationsTable';
import { InviteDialog } from './InviteDialog';
import { MembersTable } from './MembersTable';

export function MembersPage() {
  const { t } = useTranslation('members');
  const [inviting, setInviting] = useState(false);
  const canInvite = useCan().somewhere('invitation:create');
  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('intro')}
        actions={
          canInvite && (
            <Button leftSection={<IconMailPlus size={16} aria-hidden />} onClick={() => setInviting(true)}>
              {t('invite')}
            </Button>
          )
        }
      />
      <Tabs defaultValue="members" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="members">{t('tabs.members')}</Tabs.Tab>
          <Tabs.Tab value="invitations">{t('tabs.invitations')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="members">
          <MembersTable />
        </Tabs.Panel>
        <Tabs.Panel value="invitations">
          <InvitationsTable />
        </Tabs.Panel>
      </Tabs>
      <InviteDialog opened={inviting} onClose={() => setInviting(false)} />
    </>
  );
}
