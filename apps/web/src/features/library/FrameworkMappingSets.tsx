import { Badge, Button, Card, Group, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api/errors';
import { QueryState } from '../../app/layout/QueryState';
import { FrameworkLink } from './FrameworkLink';
import { type Framework, type MappingSetSummary, useFrameworkMappingSets } from './use-library';

type Direction = 'outgoing' | 'incoming' | 'self';

/** Which way a set reads from this framework, and the framework at its other end. */
function otherEnd(
  set: MappingSetSummary,
  urn: string,
): { direction: Direction; urn: string; loaded: MappingSetSummary['sourceFramework'] } {
  if (set.sourceFrameworkUrn === urn && set.targetFrameworkUrn === urn) {
    return { direction: 'self', urn, loaded: set.targetFramework };
  }
  if (set.sourceFrameworkUrn === urn) {
    return { direction: 'outgoing', urn: set.targetFrameworkUrn, loaded: set.targetFramework };
  }
  return { direction: 'incoming', urn: set.sourceFrameworkUrn, loaded: set.sourceFramework };
}

/** The mapping sets that connect this framework to others, as source or target. */
export function FrameworkMappingSets({ framework }: { framework: Framework }) {
  const { t } = useTranslation('library');
  const sets = useFrameworkMappingSets(framework.id);
  // Without mapping_set:read the section is simply not there; other errors are shown.
  if (sets.error instanceof ApiError && sets.error.status === 403) return null;
  return (
    <Card withBorder padding="sm" mb="lg" component="section" aria-labelledby="mapping-sets-title">
      <Title order={2} size="h5" id="mapping-sets-title" mb="xs">
        {t('mappings.title')}
      </Title>
      <QueryState query={sets}>
        {sets.items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('mappings.none')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table aria-labelledby="mapping-sets-title">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('mappings.name')}</Table.Th>
                  <Table.Th>{t('mappings.direction')}</Table.Th>
                  <Table.Th>{t('mappings.other')}</Table.Th>
                  <Table.Th ta="right">{t('mappings.rules')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {sets.items.map((set) => {
                  const end = otherEnd(set, framework.urn);
                  return (
                    <Table.Tr key={set.id}>
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          <Text size="sm">{set.name}</Text>
                          {set.library && (
                            <Badge size="xs" variant="light" color="teal">
                              {t('shipped')}
                            </Badge>
                          )}
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{t(`mappings.${end.direction}`)}</Text>
                      </Table.Td>
                      <Table.Td>
                        {end.loaded ? (
                          end.loaded.id === framework.id ? (
                            <Text size="sm">{t('mappings.thisFramework')}</Text>
                          ) : (
                            <FrameworkLink id={end.loaded.id} size="sm">
                              {t('mappings.frameworkVersion', {
                                name: end.loaded.name,
                                version: end.loaded.frameworkVersion,
                              })}
                            </FrameworkLink>
                          )
                        ) : (
                          <Text size="sm" c="dimmed">
                            {t('mappings.notLoaded', { urn: end.urn })}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td ta="right">
                        <Text size="sm">{set.ruleCount}</Text>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {sets.hasNextPage && (
          <Group justify="center" mt="xs">
            <Button
              variant="default"
              size="xs"
              onClick={() => void sets.fetchNextPage()}
              loading={sets.isFetchingNextPage}
            >
              {t('mappings.more')}
            </Button>
          </Group>
        )}
      </QueryState>
    </Card>
  );
}
