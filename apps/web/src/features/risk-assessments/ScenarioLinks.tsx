import { ActionIcon, Anchor, Group, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconX } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../app/forms/errors';
import { controlStatuses } from '../controls/use-controls';
import { type LinkKind, type RiskScenario, useLinkCandidates, useScenarioLink } from './use-risk-assessments';

interface Linked {
  id: string;
  refId: string | null;
  name: string;
  status?: string;
  eta?: string | null;
}

type ControlStatus = (typeof controlStatuses)[number];
const isControlStatus = (value: string | undefined): value is ControlStatus => controlStatuses.some((s) => s === value);

const sectionKey = {
  threats: 'threats',
  assets: 'assets',
  'existing-controls': 'existingControls',
  'planned-controls': 'plannedControls',
} as const;

/** A searchable picker over the server's list, without what is already linked. */
function LinkPicker({
  kind,
  label,
  exclude,
  onPick,
}: {
  kind: LinkKind;
  label: string;
  exclude: Set<string>;
  onPick: (id: string) => void;
}) {
  const { t } = useTranslation('riskAssessments');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [open, setOpen] = useState(false);
  const candidates = useLinkCandidates(kind, q, open);
  return (
    <Select
      label={label}
      placeholder={t('links.pick')}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      onDropdownOpen={() => setOpen(true)}
      filter={({ options }) => options}
      data={(candidates.data ?? []).filter((o) => !exclude.has(o.value))}
      value={null}
      onChange={(value) => {
        if (value) onPick(value);
        setSearch('');
      }}
      nothingFoundMessage={candidates.isFetching ? '…' : t('links.none')}
    />
  );
}

/** Controls and assets link to their pages; threats have none of their own. */
function ItemName({ kind, id, name }: { kind: LinkKind; id: string; name: string }) {
  if (kind === 'assets') {
    return (
      <Anchor renderRoot={(props) => <Link {...props} to="/assets/$assetId" params={{ assetId: id }} />}>{name}</Anchor>
    );
  }
  if (kind === 'threats') return <>{name}</>;
  return (
    <Anchor renderRoot={(props) => <Link {...props} to="/controls/$controlId" params={{ controlId: id }} />}>
      {name}
    </Anchor>
  );
}

function LinkSection({ scenario, kind, items }: { scenario: RiskScenario; kind: LinkKind; items: Linked[] }) {
  const { t } = useTranslation('riskAssessments');
  const { t: tc } = useTranslation('controls');
  const link = useScenarioLink();
  const title = t(`links.${sectionKey[kind]}`);
  const controls = kind === 'existing-controls' || kind === 'planned-controls';
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Title order={2} size="h5">
          {title}
        </Title>
        <FormAlert error={link.error} messages={{ risk_assessment_locked: t('conflict.locked') }} />
        {items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('links.none')}
          </Text>
        ) : (
          <Table aria-label={title}>
            <Table.Tbody>
              {items.map((item) => {
                const name = item.refId ? `${item.refId} · ${item.name}` : item.name;
                return (
                  <Table.Tr key={item.id}>
                    <Table.Td>
                      <ItemName kind={kind} id={item.id} name={name} />
                    </Table.Td>
                    {controls && (
                      <Table.Td>
                        {isControlStatus(item.status) ? tc(`status.${item.status}`) : (item.status ?? '—')}
                      </Table.Td>
                    )}
                    {controls && <Table.Td>{item.eta ? `${t('links.eta')} ${item.eta}` : '—'}</Table.Td>}
                    {scenario.abilities.update && (
                      <Table.Td w={40}>
                        <ActionIcon
                          variant="subtle"
                          color="red.9"
                          aria-label={t('links.remove', { name })}
                          onClick={() => link.mutate({ id: scenario.id, kind, targetId: item.id, remove: true })}
                        >
                          <IconX size={14} aria-hidden />
                        </ActionIcon>
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
        {scenario.abilities.update && (
          <LinkPicker
            kind={kind}
            label={`${t('links.add')}: ${title}`}
            exclude={new Set(items.map((i) => i.id))}
            onPick={(targetId) => link.mutate({ id: scenario.id, kind, targetId })}
          />
        )}
      </Stack>
    </Paper>
  );
}

/** Threats, assets, existing and planned controls of a scenario, each with a searchable picker. */
export function ScenarioLinks({ scenario }: { scenario: RiskScenario }) {
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <LinkSection scenario={scenario} kind="threats" items={scenario.threats} />
      <LinkSection scenario={scenario} kind="assets" items={scenario.assets} />
      <LinkSection scenario={scenario} kind="existing-controls" items={scenario.existingControls} />
      <LinkSection scenario={scenario} kind="planned-controls" items={scenario.plannedControls} />
    </SimpleGrid>
  );
}

export function AcceptancesSection({ scenario }: { scenario: RiskScenario }) {
  const { t } = useTranslation('riskAssessments');
  if (scenario.acceptances.length === 0) return null;
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">
        {t('acceptances.title')}
      </Title>
      <Stack gap={4}>
        {scenario.acceptances.map((a) => (
          <Group key={a.id} gap="xs">
            <Anchor
              renderRoot={(props) => (
                <Link {...props} to="/risk-acceptances/$acceptanceId" params={{ acceptanceId: a.id }} />
              )}
            >
              {a.name}
            </Anchor>
            <Text size="sm" c={a.inForce ? 'green.9' : 'dimmed'}>
              {a.inForce ? t('acceptances.inForce') : t('acceptances.notInForce')}
            </Text>
            {a.expiryDate && (
              <Text size="sm" c="dimmed">
                {t('acceptances.expires', { date: a.expiryDate })}
              </Text>
            )}
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
