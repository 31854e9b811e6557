import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NewDecisionRecordDialog } from '../../app/ui/decision-record/NewDecisionRecordDialog';
import { MemberPicker } from '../../app/ui/MemberPicker';
import { useCreateAcceptance } from './use-risk-acceptances';

/** Name, folder, approver, expiry and justification; scenarios are linked on the page this leads to. */
export function NewRiskAcceptanceDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('riskAcceptances');
  const create = useCreateAcceptance();
  const navigate = useNavigate();
  const [approverId, setApproverId] = useState<string | null>(null);

  return (
    <NewDecisionRecordDialog
      ns="riskAcceptances"
      opened={opened}
      onClose={onClose}
      create={create}
      fields={['approverId']}
      save={(fields) => create.mutateAsync({ ...fields, ...(approverId ? { approverId } : {}) })}
      open={(acceptanceId) => navigate({ to: '/risk-acceptances/$acceptanceId', params: { acceptanceId } })}
    >
      {(errors) => (
        <MemberPicker
          label={t('fields.approver')}
          description={t('approverHint')}
          value={approverId}
          onChange={setApproverId}
          error={errors.approverId}
        />
      )}
    </NewDecisionRecordDialog>
  );
}
