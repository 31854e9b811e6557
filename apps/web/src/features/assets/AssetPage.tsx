import { Anchor, Badge, Button, Divider, Group, SimpleGrid, Stack } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../app/layout/ConfirmDialog';
import { PageHeader } from '../../app/layout/PageHeader';
import { QueryState } from '../../app/layout/QueryState';
import { notifySuccess } from '../../app/ui/notify';
import { OwnersField } from '../../app/ui/OwnersField';
import { AssetForm } from './AssetForm';
import { DependencyList } from './DependencyList';
import { EffectiveObjectives } from './EffectiveObjectives';
import { type Asset, useAsset, useAssetSettings, useDeleteAsset, useUpdateAsset } from './use-assets';

export function AssetPage() {
  const { assetId } = useParams({ from: '/app/assets/$assetId' });
  const asset = useAsset(assetId);
  return (
    <QueryState query={asset}>
      {asset.data && <AssetView asset={asset.data} onReload={() => asset.refetch()} />}
    </QueryState>
  );
}

function AssetView({ asset, onReload }: { asset: Asset; onReload: () => void }) {
  const { t } = useTranslation(['assets', 'common']);
  const settings = useAssetSettings();
  const remove = useDeleteAsset();
  const updateOwners = useUpdateAsset();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);

  return (
    <>
      <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/assets" />}>
        ← {t('back')}
      </Anchor>
      <PageHeader
        title={asset.refId ? `${asset.refId} · ${asset.name}` : asset.name}
        actions={
          <Group gap="xs">
            <Badge variant="light" size="lg" color={asset.type === 'primary' ? '#5f3dc4' : '#1864ab'}>
              {t(`type.${asset.type}`)}
            </Badge>
            {asset.abilities.delete && (
              <Button
                color="red.9"
                leftSection={<IconTrash size={16} aria-hidden />}
                onClick={() => setConfirming(true)}
              >
                {t('common:actions.delete')}
              </Button>
            )}
          </Group>
        }
      />
      <Stack gap="lg">
        {settings.data && <AssetForm key={asset.version} asset={asset} settings={settings.data} onReload={onReload} />}
        <OwnersField
          record={asset}
          update={updateOwners}
          onReload={onReload}
          label={t('fields.owners')}
          addLabel={t('fields.addOwner')}
          removeLabel={(owner) => t('removeOwner', { name: owner.displayName })}
        />
        <Divider />
        {settings.data && <EffectiveObjectives asset={asset} settings={settings.data} />}
        <Divider />
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
          <DependencyList asset={asset} direction="supports" />
          <DependencyList asset={asset} direction="supportedBy" />
        </SimpleGrid>
      </Stack>
      <ConfirmDialog
        opened={confirming}
        title={t('deleteTitle')}
        body={t('deleteBody', { name: asset.name })}
        confirmLabel={t('common:actions.delete')}
        danger
        pending={remove.isPending}
        error={remove.error}
        onClose={() => {
          remove.reset();
          setConfirming(false);
        }}
        onConfirm={() =>
          remove.mutate(
            { id: asset.id, version: asset.version },
            {
              onSuccess: () => {
                notifySuccess(t('deleted'));
                navigate({ to: '/assets' }).catch(() => {});
              },
            },
          )
        }
      />
    </>
  );
}
