import { Anchor, Badge, Button } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../app/layout/PageHeader';
import { useCan } from '../../app/session/can';
import { ListFilters, SearchFilter, SelectFilter } from '../../app/ui/list/ListFilters';
import { type Column, PagedTable } from '../../app/ui/list/PagedTable';
import { hasFilters, useListSearch } from '../../app/ui/list/use-list-search';
import { FolderSelect } from '../folders/FolderSelect';
import { AssetTransferMenu } from './AssetTransferMenu';
import { NewAssetDialog } from './NewAssetDialog';
import { ObjectiveScaleDialog } from './ObjectiveScaleDialog';
import { validateAssetsSearch } from './search';
import { type AssetFilters, assetTypes, categoriesOf, levelName, useAssetSettings, useAssets } from './use-assets';

type AssetSummary = ReturnType<typeof useAssets>['items'][number];

export function AssetsPage() {
  const { t } = useTranslation('assets');
  const can = useCan();
  const [search, setSearch] = useListSearch(validateAssetsSearch);
  const [creating, setCreating] = useState(false);
  const [editingScale, setEditingScale] = useState(false);
  const settings = useAssetSettings();
  // A category of the other type (a hand-edited URL) is ignored rather than sent.
  const category = (categoriesOf(search.type ?? null) as readonly string[]).includes(search.category ?? '')
    ? search.category
    : undefined;
  const filters: AssetFilters = { ...search, category };
  const assets = useAssets(filters);
  const objectives = settings.data?.enabledObjectives ?? [];

  const columns: Column<AssetSummary>[] = [
    { id: 'refId', header: t('fields.refId'), cell: (asset) => asset.refId ?? '—' },
    {
      id: 'name',
      header: t('fields.name'),
      cell: (asset) => (
        <Anchor renderRoot={(props) => <Link {...props} to="/assets/$assetId" params={{ assetId: asset.id }} />}>
          {asset.name}
        </Anchor>
      ),
    },
    {
      id: 'type',
      header: t('fields.type'),
      cell: (asset) => (
        <Badge variant="light" color={asset.type === 'primary' ? '#5f3dc4' : '#1864ab'}>
          {t(`type.${asset.type}`)}
        </Badge>
      ),
    },
    {
      id: 'category',
      header: t('fields.category'),
      cell: (asset) => (asset.category ? t(`category.${asset.category}`) : '—'),
    },
    // One column per security objective the organisation rates (confidentiality, integrity, …).
    ...objectives.map(
      (objective): Column<AssetSummary> => ({
        id: `objective-${objective}`,
        header: t(`objective.${objective}`),
        cell: (asset) => levelName(settings.data, asset.securityObjectives[objective]) ?? '—',
      }),
    ),
    { id: 'supports', header: t('columns.supports'), cell: (asset) => asset.supportsCount },
    { id: 'supportedBy', header: t('columns.supportedBy'), cell: (asset) => asset.supportedByCount },
    { id: 'tags', header: t('fields.tags'), cell: (asset) => asset.tags.join(', ') || '—' },
  ];

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
      <ListFilters>
        <SearchFilter
          label={t('search')}
          placeholder={t('searchHint')}
          value={search.q}
          onChange={(q) => setSearch({ q })}
          width={240}
        />
        <SelectFilter
          label={t('fields.type')}
          placeholder={t('any')}
          options={assetTypes.map((value) => ({ value, label: t(`type.${value}`) }))}
          value={search.type}
          // The categories offered depend on the type: a new type clears the category.
          onChange={(type) => setSearch({ type, category: undefined })}
          width={150}
        />
        <SelectFilter
          label={t('fields.category')}
          placeholder={t('any')}
          options={categoriesOf(search.type ?? null).map((value) => ({ value, label: t(`category.${value}`) }))}
          value={category}
          onChange={(picked) => setSearch({ category: picked })}
          width={180}
        />
        <FolderSelect
          label={t('fields.folder')}
          value={search.folderId ?? null}
          onChange={(folderId) => setSearch({ folderId: folderId ?? undefined })}
          clearable
        />
        <SearchFilter
          kind="text"
          label={t('tagFilter')}
          placeholder={t('tagHint')}
          value={search.tag}
          onChange={(tag) => setSearch({ tag })}
          maxLength={100}
          width={150}
        />
      </ListFilters>
      <PagedTable
        query={assets}
        columns={columns}
        rowKey={(asset) => asset.id}
        emptyText={hasFilters(filters) ? t('noMatch') : t('empty')}
        minWidth={900}
      />
      <NewAssetDialog opened={creating} onClose={() => setCreating(false)} />
      {settings.data?.abilities.update && (
        <ObjectiveScaleDialog settings={settings.data} opened={editingScale} onClose={() => setEditingScale(false)} />
      )}
    </>
  );
}
