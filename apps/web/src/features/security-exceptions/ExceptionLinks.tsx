import { Anchor, Badge, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconLink } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LinkedTable } from '../../app/ui/decision-record/LinkedTable';
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
    <LinkedTable
      title={t('requirements.title')}
      emptyText={t('requirements.empty')}
      items={exception.requirementAssessments}
      columns={[
        { id: 'requirement', header: t('requirements.requirement'), cell: label },
        {
          id: 'assessment',
          header: t('requirements.assessment'),
          cell: (r) => (
            <Anchor
              renderRoot={(props) => (
                <Link {...props} to="/assessments/$assessmentId" params={{ assessmentId: r.assessment.id }} />
              )}
            >
              {r.assessment.name}
            </Anchor>
          ),
        },
      ]}
      rowKey={(r) => r.id}
      editable={editable}
      error={link.error ?? unlink.error}
      removeLabel={(r) => t('requirements.remove', { name: label(r) })}
      onRemove={(r) => unlink.mutate({ id: exception.id, targetId: r.id })}
      pickers={
        <>
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
        </>
      }
      add={{
        label: t('requirements.add'),
        icon: <IconLink size={16} aria-hidden />,
        picked: Boolean(picked),
        pending: link.isPending,
        onAdd: () => {
          if (!picked) return;
          link.mutate({ id: exception.id, requirementAssessmentId: picked }, { onSuccess: () => setPicked(null) });
        },
      }}
    />
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
    <LinkedTable
      title={t('controls.title')}
      emptyText={t('controls.empty')}
      items={exception.appliedControls}
      columns={[
        {
          id: 'name',
          header: t('fields.name'),
          cell: (control) => (
            <Anchor
              renderRoot={(props) => <Link {...props} to="/controls/$controlId" params={{ controlId: control.id }} />}
            >
              {control.refId ? `${control.refId} · ${control.name}` : control.name}
            </Anchor>
          ),
        },
        {
          id: 'state',
          header: t('fields.state'),
          cell: (control) => (
            <Badge variant="light" color="gray">
              {t(`controls:status.${control.status}` as 'controls:status.active')}
            </Badge>
          ),
        },
      ]}
      rowKey={(control) => control.id}
      editable={editable}
      error={link.error ?? unlink.error}
      removeLabel={(control) => t('controls.remove', { name: control.name })}
      onRemove={(control) => unlink.mutate({ id: exception.id, targetId: control.id })}
      pickers={
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
      }
      add={{
        label: t('controls.add'),
        icon: <IconLink size={16} aria-hidden />,
        picked: Boolean(picked),
        pending: link.isPending,
        onAdd: () => {
          if (!picked) return;
          link.mutate({ id: exception.id, appliedControlId: picked }, { onSuccess: () => setPicked(null) });
        },
      }}
    />
  );
}
