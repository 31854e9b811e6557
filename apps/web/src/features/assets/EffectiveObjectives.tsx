import { Anchor, Badge, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { type Asset, type AssetSettings, levelName } from './use-assets';

/**
 * Per enabled objective: the asset's own level, the effective one, and why — "inherited from X via A → B → X"
 * when an asset it supports (directly or not) asks for more.
 */
export function EffectiveObjectives({ asset, settings }: { asset: Asset; settings: AssetSettings }) {
  const { t } = useTranslation('assets');
  const hidden = t('objectives.hidden');
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t('objectives.effectiveTitle')}
      </Title>
      <Text size="sm" c="dimmed" maw={760}>
        {t('objectives.effectiveIntro')}
      </Text>
      <Table aria-label={t('objectives.effectiveTitle')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('objectives.objective')}</Table.Th>
            <Table.Th>{t('objectives.own')}</Table.Th>
            <Table.Th>{t('objectives.effective')}</Table.Th>
            <Table.Th>{t('objectives.explanation')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {asset.effectiveObjectives.map((o) => (
            <Table.Tr key={o.objective}>
              <Table.Th scope="row">{t(`objective.${o.objective}`)}</Table.Th>
              <Table.Td>{levelName(settings, o.own) ?? t('objectives.notRated')}</Table.Td>
              <Table.Td>
                {o.level === null ? (
                  t('objectives.notRated')
                ) : (
                  <Badge variant={o.inherited ? 'filled' : 'light'} color={o.inherited ? '#a13d00' : '#495057'}>
                    {levelName(settings, o.level)}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                {o.inherited ? (
                  <Text size="sm">
                    {t('objectives.inheritedFrom', { names: '' })}
                    {o.from.map((source, i) => (
                      <span key={source.id}>
                        {i > 0 && ', '}
                        {source.name === null ? (
                          hidden
                        ) : (
                          <Anchor
                            size="sm"
                            renderRoot={(props) => (
                              <Link {...props} to="/assets/$assetId" params={{ assetId: source.id }} />
                            )}
                          >
                            {source.name}
                          </Anchor>
                        )}
                      </span>
                    ))}{' '}
                    {o.path.length > 2 &&
                      t('objectives.via', { path: o.path.map((name) => name ?? hidden).join(' → ') })}
                  </Text>
                ) : o.own !== null ? (
                  <Text size="sm" c="dimmed">
                    {t('objectives.ownLevel')}
                  </Text>
                ) : (
                  '—'
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
