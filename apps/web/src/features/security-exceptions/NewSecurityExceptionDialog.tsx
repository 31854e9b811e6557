import { Select } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NewDecisionRecordDialog } from '../../app/ui/decision-record/NewDecisionRecordDialog';
import { MemberPicker } from '../../app/ui/MemberPicker';
import { type Severity, severities, useCreateException } from './use-security-exceptions';

/** Name, folder, severity, people, expiry and justification; links are made on the page this leads to. */
export function NewSecurityExceptionDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('securityExceptions');
  const create = useCreateException();
  const navigate = useNavigate();
  const [severity, setSeverity] = useState<string | null>('medium');
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const [approverId, setApproverId] = useState<string | null>(null);

  return (
    <NewDecisionRecordDialog
      ns="securityExceptions"
      opened={opened}
      onClose={onClose}
      create={create}
      fields={['severity', 'ownerId', 'approverId']}
      save={(fields) =>
        create.mutateAsync({
          ...fields,
          ...(severity ? { severity: severity as Severity } : {}),
          ...(ownerId ? { ownerId } : {}),
          ...(approverId ? { approverId } : {}),
        })
      }
      open={(exceptionId) => navigate({ to: '/security-exceptions/$exceptionId', params: { exceptionId } })}
    >
      {(errors) => (
        <>
          <Select
            label={t('fields.severity')}
            data={severities.map((s) => ({ value: s, label: t(`severity.${s}`) }))}
            value={severity}
            onChange={setSeverity}
            error={errors.severity}
          />
          <MemberPicker label={t('fields.owner')} value={ownerId} onChange={setOwnerId} error={errors.ownerId} />
          <MemberPicker
            label={t('fields.approver')}
            value={approverId}
            onChange={setApproverId}
            error={errors.approverId}
          />
        </>
      )}
    </NewDecisionRecordDialog>
  );
}
