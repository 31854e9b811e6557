import { ActionIcon, Anchor, Badge, Button, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconLink, IconTrash } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../app/forms/errors';
import {
  type SecurityException,
  useAssessmentRequirements,
  useAssessmentSearch,
  useControlSearch,
  useLinkControl,
  useLinkRequirementAssessment,
  useUnlinkControl,
  useUnlinkRequirementAssessment,
} from './use-security-exceptions';

/** Requirement assessments the exception covers: pick a compliance assessment, then one of its requirements. */
export function LinkedRequirementAssessments({ exception }: { exception: SecurityException }) {
  const { t } = useTranslation(['securityExceptions', 'common']);
  const link = useLinkRequirementAssessment();
  const unlink = useUnlinkRequirementAssessment();
  const editable = exception.abilities.update;
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const assessments = useAssessmentSearch(editable ? q : '');
  const [assessmentId, setAssessmentId] = useState<string | null>(null);
  const requirements = useAssessmentRequirements(assessmentId);
  const [picked, setPicked] = useState<string | null>(null);
  const linked = new Set(exception.requirementAssessments.map((r) => r.id));
  const label = (r: SecurityException['requirementAssessments'][number]) =>
    `${r.requirement.refId ?? ''} ${r.requirement.name ?? r.requirement.urn}`.trim();

  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t('requirements.title')}
      </Title>
      <FormAlert error={link.error ?? unlink.error} />
      {exception.requirementAssessments.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('requirements.empty')}
        </Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('requirements.requirement')}</Table.Th>
              <Table.Th>{t('requirements.assessment')}</Table.Th>
              {editable && <Table.Th aria-label={t('common:actions.actions')} />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {exception.requirementAssessments.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{label(r)}</Table.Td>
                <Table.Td>
                  <Anchor
                    renderRoot={(props) => (
                      <Link {...props} to="/assessments/$assessmentId" params={{ assessmentId: r.assessment.id }} />
                    )}
                  >
                    {r.assessment.name}
                  </Anchor>
                </Table.Td>
                {editable && (
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('requirements.remove', { name: label(r) })}
                      onClick={() => unlink.mutate({ id: exception.id, targetId: r.id })}
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
        <Group align="flex-end" wrap="wrap" mt="xs">
          <Select
            label={t('requirements.pickAssessment')}
            placeholder={t('requirements.pickAssessmentHint')}
            data={(assessments.data ?? []).map((a) => ({ value: a.id, label: a.name }))}
            value={assessmentId}
            onChange={(id) => {
              setAssessmentId(id);
              setPicked(null);
            }}
            searchable
            searchValue={search}
            onSearchChange={setSearch}
            filter={({ options: all }) => all}
            w={280}
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label={t('requirements.pickRequirement')}
            data={(requirements.data ?? [])
              .filter((r) => !linked.has(r.id))
              .map((r) => ({ value: r.id, label: r.label }))}
            value={picked}
            onChange={setPicked}
            searchable
            disabled={!assessmentId}
            w={320}
            comboboxProps={{ withinPortal: true }}
          />
          <Button
            variant="light"
            leftSection={<IconLink size={16} aria-hidden />}
            disabled={!picked}
            loading={link.isPending}
            onClick={() => {
              if (!picked) return;
              link.mutate({ id: exception.id, requirementAssessmentId: picked }, { onSuccess: () => setPicked(null) });
            }}
          >
            {t('requirements.add')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/** Applied controls the exception covers. */
export function LinkedControls({ exception }: { exception: SecurityException }) {
  const { t } = useTranslation(['securityExceptions', 'controls', 'common']);
  const link = useLinkControl();
  const unlink = useUnlinkControl();
  const editable = exception.abilities.update;
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const found = useControlSearch(editable ? q : '');
  const [picked, setPicked] = useState<string | null>(null);
  const linked = new Set(exception.appliedControls.map((c) => c.id));

  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t('controls.title')}
      </Title>
      <FormAlert error={link.error ?? unlink.error} />
      {exception.appliedControls.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('controls.empty')}
        </Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('fields.name')}</Table.Th>
              <Table.Th>{t('fields.state')}</Table.Th>
              {editable && <Table.Th aria-label={t('common:actions.actions')} />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {exception.appliedControls.map((control) => (
              <Table.Tr key={control.id}>
                <Table.Td>
                  <Anchor
                    renderRoot={(props) => (
                      <Link {...props} to="/controls/$controlId" params={{ controlId: control.id }} />
                    )}
                  >
                    {control.refId ? `${control.refId} · ${control.name}` : control.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color="gray">
                    {t(`controls:status.${control.status}` as 'controls:status.active')}
                  </Badge>
                </Table.Td>
                {editable && (
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('controls.remove', { name: control.name })}
                      onClick={() => unlink.mutate({ id: exception.id, targetId: control.id })}
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
        <Group align="flex-end" wrap="wrap" mt="xs">
          <Select
            label={t('controls.pick')}
            placeholder={t('controls.pickHint')}
            data={(found.data ?? []).filter((c) => !linked.has(c.id)).map((c) => ({ value: c.id, label: c.name }))}
            value={picked}
            onChange={setPicked}
            searchable
            searchValue={search}
            onSearchChange={setSearch}
            filter={({ options: all }) => all}
            w={320}
            comboboxProps={{ withinPortal: true }}
          />
          <Button
            variant="light"
            leftSection={<IconLink size={16} aria-hidden />}
            disabled={!picked}
            loading={link.isPending}
            onClick={() => {
              if (!picked) return;
              link.mutate({ id: exception.id, appliedControlId: picked }, { onSuccess: () => setPicked(null) });
            }}
          >
            {t('controls.add')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
