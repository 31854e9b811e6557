import { ActionIcon, Anchor, Button, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconLink, IconTrash } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../app/forms/errors';
import { type Finding, type LinkKind, useLink, useLinkSearch, useUnlink } from './use-findings';

interface Linked {
  id: string;
  refId: string | null;
  name: string;
}

const linkedOf = (finding: Finding, kind: LinkKind): Linked[] =>
  kind === 'assets' ? finding.assets : kind === 'applied-controls' ? finding.appliedControls : finding.riskScenarios;

function LinkTo({ kind, item }: { kind: LinkKind; item: Linked }) {
  const label = item.refId ? `${item.refId} · ${item.name}` : item.name;
  if (kind === 'assets') {
    return (
      <Anchor renderRoot={(props) => <Link {...props} to="/assets/$assetId" params={{ assetId: item.id }} />}>
        {label}
      </Anchor>
    );
  }
  if (kind === 'applied-controls') {
    return (
      <Anchor renderRoot={(props) => <Link {...props} to="/controls/$controlId" params={{ controlId: item.id }} />}>
        {label}
      </Anchor>
    );
  }
  return (
    <Anchor
      renderRoot={(props) => <Link {...props} to="/risk-scenarios/$scenarioId" params={{ scenarioId: item.id }} />}
    >
      {label}
    </Anchor>
  );
}

/** One kind of link of a finding: the linked objects, and a searchable picker to link one more. */
export function LinksSection({ finding, kind }: { finding: Finding; kind: LinkKind }) {
  const { t } = useTranslation('findings');
  const link = useLink(kind);
  const unlink = useUnlink(kind);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const found = useLinkSearch(kind, q);
  const [picked, setPicked] = useState<string | null>(null);
  const linked = linkedOf(finding, kind);
  const linkedIds = new Set(linked.map((l) => l.id));
  const options = (found.data ?? []).filter((o) => !linkedIds.has(o.id)).map((o) => ({ value: o.id, label: o.label }));
  const editable = finding.abilities.update;

  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t(`links.${kind}`)}
      </Title>
      <FormAlert error={link.error ?? unlink.error} />
      {linked.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('links.empty')}
        </Text>
      ) : (
        <Table>
          <Table.Tbody>
            {linked.map((item) => (
              <Table.Tr key={item.id}>
                <Table.Td>
                  <LinkTo kind={kind} item={item} />
                </Table.Td>
                {editable && (
                  <Table.Td w={48}>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('links.remove', { name: item.name })}
                      onClick={() => unlink.mutate({ id: finding.id, targetId: item.id })}
                    >
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editable && (
        <Group align="flex-end" wrap="wrap">
          <Select
            label={`${t(`links.${kind}`)}: ${t('links.pick')}`}
            placeholder={t('links.pickHint')}
            data={options}
            value={picked}
            onChange={setPicked}
            searchable
            searchValue={search}
            onSearchChange={setSearch}
            filter={({ options: all }) => all}
            nothingFoundMessage={found.isFetching ? undefined : t('links.nothingFound')}
            w={340}
            comboboxProps={{ withinPortal: true }}
          />
          <Button
            variant="light"
            leftSection={<IconLink size={16} aria-hidden />}
            disabled={!picked}
            loading={link.isPending}
            onClick={() => {
              if (!picked) return;
              link.mutate(
                { id: finding.id, targetId: picked },
                {
                  onSuccess: () => {
                    setPicked(null);
                    setSearch('');
                  },
                },
              );
            }}
          >
            {t('links.add')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
