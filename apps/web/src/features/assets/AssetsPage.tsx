import { Anchor, Badge, Button, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadMore } from '../../app/layout/LoadMore';
import { PageHeader } from '../../app/layout/PageHeader';
import { QueryState } from '../../app/layout/QueryState';
import { useCan } from '../../app/session/can';
import { FolderSelect } from '../folders/FolderSelect';
import { AssetTransferMenu } from './AssetTransferMenu';
import { NewAssetDialog } from './NewAssetDialog';
import { ObjectiveScaleDialog } from './ObjectiveScaleDialog';
import { type AssetFilters, assetTypes, categoriesOf, levelName, useAssetSettings, useAssets } from './use-assets';

export function AssetsPage() {
  const { t } = useTranslation('assets');
  const can = useCan();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [tagInput, setTagInput] = useState('');
  const [tag] = useDebouncedValue(tagInput.trim(), 300);
  const [type, setType] = useState<string | null>(null);
  const [category, setCategory] = useState<string | null>(null);
  const [folderId, setFolderId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [editingScale, setEditingScale] = useState(false);
  const settings = useAssetSettings();
  const filters: AssetFilters = {
    ...(q ? { q } : {}),
    ...(tag ? { tag } : {}),
    ...(type ? { type: type as AssetFilters['type'] } : {}),
    ...(category ? { category: category as AssetFilters['category'] } : {}),
    ...(folderId ? { folderId } : {}),
  };
  const assets = useAssets(filters);
  const filtered = Object.keys(filters).length > 0;
  const objectives = settings.data?.enabledObjectives ?? [];

  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('intro')}
        actions={
          <>
            {settings.data?.abilities.update && (
              <Button variant="default" onClick={() => setEditingScale(true)}>
                {t('scale.button')}
              </Button>
            )}
            <AssetTransferMenu />
            {can.somewhere('asset:create') && (
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
                {t('newAsset')}
              </Button>
            )}
          </>
        }
      />
      <Group mb="md" align="flex-end" wrap="wrap">
        <TextInput
          label={t('search')}
          placeholder={t('searchHint')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          maxLength={200}
          type="search"
          w={240}
        />
        <Select
          label={t('fields.type')}
          placeholder={t('any')}
          data={assetTypes.map((value) => ({ value, label: t(`type.${value}`) }))}
          value={type}
          onChange={(value) => {
            setType(value);
            setCategory(null);
          }}
          clearable
          w={150}
        />
        <Select
          label={t('fields.category')}
          placeholder={t('any')}
          data={categoriesOf(type).map((value) => ({ value, label: t(`category.${value}`) }))}
          value={category}
          onChange={setCategory}
          clearable
          w={180}
        />
        <FolderSelect label={t('fields.folder')} value={folderId} onChange={setFolderId} clearable />
        <TextInput
          label={t('tagFilter')}
          placeholder={t('tagHint')}
          value={tagInput}
          onChange={(event) => setTagInput(event.currentTarget.value)}
          maxLength={100}
          w={150}
        />
      </Group>
      <QueryState query={assets}>
        {assets.items.length === 0 ? (
          <Text c="dimmed">{filtered ? t('noMatch') : t('empty')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={900}>
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('fields.refId')}</Table.Th>
                  <Table.Th>{t('fields.name')}</Table.Th>
                  <Table.Th>{t('fields.type')}</Table.Th>
                  <Table.Th>{t('fields.category')}</Table.Th>
                  {objectives.map((o) => (
                    <Table.Th key={o}>{t(`objective.${o}`)}</Table.Th>
                  ))}
                  <Table.Th>{t('columns.supports')}</Table.Th>
                  <Table.Th>{t('columns.supportedBy')}</Table.Th>
                  <Table.Th>{t('fields.tags')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {assets.items.map((asset) => (
                  <Table.Tr key={asset.id}>
                    <Table.Td>{asset.refId ?? '—'}</Table.Td>
                    <Table.Td>
                      <Anchor
                        renderRoot={(props) => <Link {...props} to="/assets/$assetId" params={{ assetId: asset.id }} />}
                      >
                        {asset.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={asset.type === 'primary' ? '#5f3dc4' : '#1864ab'}>
                        {t(`type.${asset.type}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{asset.category ? t(`category.${asset.category}`) : '—'}</Table.Td>
                    {objectives.map((o) => (
                      <Table.Td key={o}>{levelName(settings.data, asset.securityObjectives[o]) ?? '—'}</Table.Td>
                    ))}
                    <Table.Td>{asset.supportsCount}</Table.Td>
                    <Table.Td>{asset.supportedByCount}</Table.Td>
                    <Table.Td>{asset.tags.join(', ') || '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <LoadMore query={assets} />
      </QueryState>
      <NewAssetDialog opened={creating} onClose={() => setCreating(false)} />
      {settings.data?.abilities.update && (
        <ObjectiveScaleDialog settings={settings.data} opened={editingScale} onClose={() => setEditingScale(false)} />
      )}
    </>
  );
}
