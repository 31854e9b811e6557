import { Card, Grid, Group, Loader, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../app/layout/QueryState';
import { type FilterState, RequirementFilters } from './RequirementFilters';
import { RequirementPanel } from './RequirementPanel';
import { RequirementTree } from './RequirementTree';
import { ancestorsOf, indexTree, visibleRows } from './tree';
import { type Framework, useMatchingIds, useRequirementTree } from './use-library';

/** Under this size the whole tree opens at once; a large catalog opens on its families only. */
const OPEN_ALL_BELOW = 150;
/** Up to this many matches, the branches leading to them open by themselves. */
const AUTO_OPEN_MATCHES = 300;

const noFilters: FilterState = { text: '', implementationGroup: null, assessable: false, hideWithdrawn: false };

/** Filters, the requirement tree and the selected node's texts side by side. */
export function RequirementsBrowser({ framework }: { framework: Framework }) {
  const { t } = useTranslation(['library', 'common']);
  const tree = useRequirementTree(framework.id);
  const index = useMemo(() => indexTree(tree.data ?? []), [tree.data]);
  const [filters, setFilters] = useState<FilterState>(noFilters);
  const [text] = useDebouncedValue(filters.text.trim(), 300);
  const serverFilters = useMemo(
    () => ({ q: text, implementationGroup: filters.implementationGroup, assessable: filters.assessable }),
    [text, filters.implementationGroup, filters.assessable],
  );
  const { matching, isFetching } = useMatchingIds(framework.id, serverFilters);
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set());
  const [selectedId, setSelectedId] = useState<string | null>(null);

  // Each new answer sets the branches open: those leading to the matches, or the default without filters.
  useEffect(() => {
    if (matching) setExpanded(matching.size <= AUTO_OPEN_MATCHES ? ancestorsOf(index, matching) : new Set());
    else setExpanded(index.items.length < OPEN_ALL_BELOW ? new Set(index.parentIds) : new Set());
  }, [index, matching]);

  const rows = useMemo(
    () => visibleRows(index, { matching, hideWithdrawn: filters.hideWithdrawn, expanded }),
    [index, matching, filters.hideWithdrawn, expanded],
  );
  const toggle = (id: string, open: boolean) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (open) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <>
      <RequirementFilters
        framework={framework}
        value={filters}
        onChange={setFilters}
        onExpandAll={() => setExpanded(new Set(index.parentIds))}
        onCollapseAll={() => setExpanded(new Set())}
      />
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Card withBorder padding="xs" component="section" aria-labelledby="requirement-tree-title">
            <Group justify="space-between" px="xs" pb="xs">
              <Title order={2} size="h5" id="requirement-tree-title">
                {t('framework.tree')}
              </Title>
              <Group gap="xs" aria-live="polite">
                {isFetching && <Loader size="xs" aria-label={t('common:states.loading')} />}
                {matching && (
                  <Text size="sm" c="dimmed">
                    {t('filters.matches', { count: matching.size })}
                  </Text>
                )}
              </Group>
            </Group>
            <QueryState query={tree}>
              {rows.length === 0 ? (
                <Text c="dimmed" size="sm" px="xs" pb="xs">
                  {t('filters.none')}
                </Text>
              ) : (
                <RequirementTree
                  rows={rows}
                  labelledBy="requirement-tree-title"
                  selectedId={selectedId}
                  onSelect={setSelectedId}
                  onToggle={toggle}
                />
              )}
            </QueryState>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <RequirementPanel framework={framework} nodeId={selectedId} />
        </Grid.Col>
      </Grid>
    </>
  );
}
