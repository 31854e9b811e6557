import { Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DecisionRecordForm } from '../../app/ui/decision-record/DecisionRecordForm';
import { MemberPicker } from '../../app/ui/MemberPicker';
import { type SecurityException, type Severity, severities, useUpdateException } from './use-security-exceptions';

/** The exception's own fields, editable as a draft or once expired (renewal); remount on a new version. */
export function ExceptionForm({
  exception,
  onReload,
  onEdit,
}: {
  exception: SecurityException;
  onReload: () => void;
  /** Called on the first unsaved edit (the page holds back state changes until it is saved). */
  onEdit?: () => void;
}) {
  const { t } = useTranslation('securityExceptions');
  const update = useUpdateException();
  const [severity, setSeverity] = useState<string | null>(exception.severity);
  // Newly picked people are saved with the other fields: saving one alone would remount the form (new version)
  // and throw away whatever was being typed.
  const [people, setPeople] = useState<{ ownerId?: string; approverId?: string }>({});
  const editable = exception.abilities.update;
  const person = (p: SecurityException['owner']) => (p ? `${p.displayName} <${p.email}>` : t('nobody'));

  return (
    <DecisionRecordForm
      ns="securityExceptions"
      record={exception}
      editable={editable}
      lockedHint
      update={update}
      fields={['severity', 'ownerId', 'approverId']}
      save={(fields) =>
        update.mutateAsync({
          ...fields,
          ...(severity ? { severity: severity as Severity } : {}),
          ...(people.ownerId && people.ownerId !== exception.owner?.id ? { ownerId: people.ownerId } : {}),
          ...(people.approverId && people.approverId !== exception.approver?.id
            ? { approverId: people.approverId }
            : {}),
        })
      }
      besideFolder={(errors) => (
        <Select
          label={t('fields.severity')}
          data={severities.map((s) => ({ value: s, label: t(`severity.${s}`) }))}
          value={severity}
          onChange={(value) => {
            setSeverity(value);
            onEdit?.();
          }}
          error={errors.severity}
        />
      )}
      onReload={onReload}
      onEdit={onEdit}
    >
      {(errors) => (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {(['ownerId', 'approverId'] as const).map((field) => (
            <Stack gap={4} key={field}>
              <Text size="sm" fw={500}>
                {t(field === 'ownerId' ? 'fields.owner' : 'fields.approver')}
              </Text>
              <Text size="sm">{person(field === 'ownerId' ? exception.owner : exception.approver)}</Text>
              {field === 'approverId' && !exception.approver && (
                <Text size="xs" c="dimmed">
                  {t('approverHint')}
                </Text>
              )}
              {editable && (
                <MemberPicker
                  label={t(field === 'ownerId' ? 'changeOwner' : 'changeApprover')}
                  description={field === 'approverId' ? t('approverRule') : undefined}
                  value={people[field] ?? null}
                  onChange={(id) => {
                    setPeople((p) => ({ ...p, [field]: id ?? undefined }));
                    onEdit?.();
                  }}
                  error={errors[field]}
                />
              )}
            </Stack>
          ))}
        </SimpleGrid>
      )}
    </DecisionRecordForm>
  );
}
