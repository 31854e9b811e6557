import { Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DecisionRecordForm } from '../../app/ui/decision-record/DecisionRecordForm';
import { MemberPicker } from '../../app/ui/MemberPicker';
import { type RiskAcceptance, useUpdateAcceptance } from './use-risk-acceptances';

/** The acceptance's own fields, approver included, editable only while it is `created`; remount on a new version. */
export function AcceptanceForm({
  acceptance,
  onReload,
  onEdit,
}: {
  acceptance: RiskAcceptance;
  onReload: () => void;
  /** Called on the first unsaved edit (the page holds back state changes until it is saved). */
  onEdit?: () => void;
}) {
  const { t } = useTranslation('riskAcceptances');
  const update = useUpdateAcceptance();
  // A newly picked approver is saved with the other fields: saving it alone would remount the form (new version)
  // and throw away whatever was being typed.
  const [approverId, setApproverId] = useState<string | null>(null);
  const editable = acceptance.abilities.update;

  return (
    <DecisionRecordForm
      ns="riskAcceptances"
      record={acceptance}
      editable={editable}
      lockedHint={acceptance.state !== 'created'}
      update={update}
      fields={['approverId']}
      save={(fields) =>
        update.mutateAsync({
          ...fields,
          ...(approverId && approverId !== acceptance.approver?.id ? { approverId } : {}),
        })
      }
      onReload={onReload}
      onEdit={onEdit}
    >
      {(errors) => (
        <>
          <Group align="flex-end" wrap="wrap">
            <Stack gap={2}>
              <Text size="sm" fw={500}>
                {t('fields.approver')}
              </Text>
              <Text size="sm">
                {acceptance.approver
                  ? `${acceptance.approver.displayName} <${acceptance.approver.email}>`
                  : t('noApprover')}
              </Text>
            </Stack>
            {editable && (
              <MemberPicker
                label={t('changeApprover')}
                description={t('approverHint')}
                value={approverId}
                onChange={(id) => {
                  setApproverId(id);
                  onEdit?.();
                }}
              />
            )}
          </Group>
          {errors.approverId && (
            <Text c="red" size="sm">
              {errors.approverId}
            </Text>
          )}
        </>
      )}
    </DecisionRecordForm>
  );
}
