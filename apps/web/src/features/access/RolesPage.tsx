import { Button, Tabs } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../app/layout/PageHeader';
import { useCan } from '../../app/session/can';
import { BindingsPanel } from './BindingsPanel';
import { RolesList } from './RolesList';

export function RolesPage() {
  const { t } = useTranslation('access');
  const [tab, setTab] = useState<string | null>('roles');
  const [creating, setCreating] = useState(false);
  const canCreate = useCan().everywhere('role:create');
  return (
    <>
      <PageHeader
        title={t('roles.title')}
        description={t('roles.intro')}
        actions={
          tab === 'roles' &&
          canCreate && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
              {t('roles.create')}
            </Button>
          )
        }
      />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="roles">{t('roles.tabs.roles')}</Tabs.Tab>
          <Tabs.Tab value="bindings">{t('roles.tabs.bindings')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="roles">
          <RolesList creating={creating} onCreated={() => setCreating(false)} />
        </Tabs.Panel>
        <Tabs.Panel value="bindings">
          <BindingsPanel />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
