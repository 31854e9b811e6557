import { Card, Checkbox, Grid, Group, Kbd, Text, Title } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../app/layout/QueryState';
import { AssessmentHeader } from './AssessmentHeader';
import { BulkBar } from './BulkBar';
import { CompareDialog } from './CompareDialog';
import { RequirementAssessmentPanel } from './RequirementAssessmentPanel';
import { RequirementRows } from './RequirementRows';
import { UpgradeDialog } from './UpgradeDialog';
import { type Assessment, useAssessment, useWorkspace } from './use-assessments';
import { useUpgradeTargets } from './use-upgrade';
import { WorkspaceFilters } from './WorkspaceFilters';
import { type WorkspaceFilters as Filters, noWorkspaceFilters, workspaceRows } from './workspace-rows';

export function AssessmentPage() {
  const { assessmentId } = useParams({ from: '/app/assessments/$assessmentId' });
  const assessment = useAssessment(assessmentId);
  return <QueryState query={assessment}>{assessment.data && <Workspace assessment={assessment.data} />}</QueryState>;
}

/** The assessment workspace: header, filters, the requirement list with bulk edits, and the side panel. */
function Workspace({ assessment }: { assessment: Assessment }) {
  const { t } = useTranslation('assessments');
  const workspace = useWorkspace(assessment.id);
  const [filters, setFilters] = useState<Filters>(noWorkspaceFilters);
  // Typing stays responsive: the list re-filters at a lower priority than the input.
  const deferredFilters = useDeferredValue(filters);
  const [openId, setOpenId] = useState<string | null>(null);
  const [checked, setChecked] = useState<Set<string>>(() => new Set());
  const [comparing, setComparing] = useState(false);
  const rows = useMemo(() => workspaceRows(workspace.data ?? [], deferredFilters), [workspace.data, deferredFilters]);
  const visibleIds = useMemo(
    () => rows.flatMap((r) => (r.kind === 'requirement' ? [r.item.assessment.id] : [])),
    [rows],
  );
  const versions = useMemo(() => {
    const map = new Map<string, number>();
    for (const item of workspace.data ?? []) if (item.assessment) map.set(item.assessment.id, item.assessment.version);
    return map;
  }, [workspace.data]);
  const selectable = assessment.abilities.editRequirements;
  const openCompare = useCallback(() => setComparing(true), []);
  const [upgrading, setUpgrading] = useState(false);
  // Only an editable (unlocked, updatable) assessment can move; the server refuses the rest anyway.
  const upgradeTargets = useUpgradeTargets(assessment.id, assessment.abilities.editRequirements);
  const canUpgrade = assessment.abilities.editRequirements && (upgradeTargets.data?.length ?? 0) > 0;
  const openUpgrade = useCallback(() => setUpgrading(true), []);

  const toggleChecked = useCallback(
    (id: string) =>
      setChecked((current) => {
        const next = new Set(current);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      }),
    [],
  );
  // A selection change re-renders this component: the filters and the side panel are not about the selection,
  // so the same elements are handed back and React skips them.
  const filtersElement = useMemo(
    () => <WorkspaceFilters value={filters} onChange={setFilters} groups={assessment.frameworkImplementationGroups} />,
    [filters, assessment.frameworkImplementationGroups],
  );
  const panelElement = useMemo(
    () => <RequirementAssessmentPanel assessment={assessment} id={openId} />,
    [assessment, openId],
  );
  const allChecked = visibleIds.length > 0 && visibleIds.every((id) => checked.has(id));
  const bulkItems = [...checked].flatMap((id) => {
    const version = versions.get(id);
    return version === undefined ? [] : [{ id, version }];
  });

  return (
    <>
      <AssessmentHeader
        assessment={assessment}
        onCompare={openCompare}
        onUpgrade={canUpgrade ? openUpgrade : undefined}
      />
      {filtersElement}
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          {selectable && (
            <BulkBar
              assessmentId={assessment.id}
              items={bulkItems}
              onDone={() => setChecked(new Set())}
              onClear={() => setChecked(new Set())}
            />
          )}
          <Card withBorder padding="xs" component="section" aria-labelledby="workspace-title">
            <Group justify="space-between" px="xs" pb="xs" wrap="wrap">
              <Group gap="sm">
                {selectable && (
                  <Checkbox
                    size="xs"
                    aria-label={t('workspace.selectAll')}
                    checked={allChecked}
                    indeterminate={!allChecked && visibleIds.some((id) => checked.has(id))}
                    onChange={() => setChecked(allChecked ? new Set() : new Set(visibleIds))}
                  />
                )}
                <Title order={2} size="h5" id="workspace-title">
                  {t('workspace.title')}
                </Title>
              </Group>
              <Text size="sm" c="dimmed" aria-live="polite">
                {t('workspace.shown', { count: visibleIds.length })}
              </Text>
            </Group>
            <Text size="xs" c="dimmed" px="xs" pb="xs" id="workspace-keys">
              {t('workspace.keysBefore')} <Kbd size="xs">↑</Kbd> <Kbd size="xs">↓</Kbd> {t('workspace.keysMove')} ·{' '}
              <Kbd size="xs">Enter</Kbd> / <Kbd size="xs">{t('workspace.space')}</Kbd> {t('workspace.keysOpen')}
              {selectable && (
                <>
                  {' '}
                  · <Kbd size="xs">x</Kbd> {t('workspace.keysSelect')}
                </>
              )}
            </Text>
            <QueryState query={workspace}>
              {rows.length === 0 ? (
                <Text c="dimmed" size="sm" px="xs" pb="xs">
                  {t('workspace.none')}
                </Text>
              ) : (
                <RequirementRows
                  rows={rows}
                  labelledBy="workspace-title"
                  openId={openId}
                  checked={checked}
                  selectable={selectable}
                  onOpen={setOpenId}
                  onToggleChecked={toggleChecked}
                />
              )}
            </QueryState>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>{panelElement}</Grid.Col>
      </Grid>
      <CompareDialog assessment={assessment} opened={comparing} onClose={() => setComparing(false)} />
      {upgrading && upgradeTargets.data && (
        <UpgradeDialog
          assessment={assessment}
          targets={upgradeTargets.data}
          opened={upgrading}
          onClose={() => setUpgrading(false)}
        />
      )}
    </>
  );
}
