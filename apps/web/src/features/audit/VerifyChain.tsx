import { Alert } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api/client';
import { FormAlert } from '../../app/forms/errors';

/** Recomputes the organisation's hash chain on the server. */
export const useVerifyChain = () => useMutation({ mutationFn: () => unwrap(api.GET('/api/v1/audit-events/verify')) });

type Verification = NonNullable<ReturnType<typeof useVerifyChain>['data']>;

/** Whether the chain holds, and where it breaks if it does not. */
export function VerifyResult({ result, error }: { result: Verification | undefined; error: unknown }) {
  const { t } = useTranslation('audit');
  if (error) return <FormAlert error={error} />;
  if (!result) return null;
  return result.ok ? (
    <Alert color="green" role="status" data-testid="verify-result" mb="md">
      {t('verifyOk', { count: result.checked })}
    </Alert>
  ) : (
    <Alert color="red" role="alert" data-testid="verify-result" mb="md">
      {t('verifyBroken', {
        seq: result.firstBroken?.seq ?? '?',
        reason: result.firstBroken ? t(`reasons.${result.firstBroken.reason}`) : '',
      })}
    </Alert>
  );
}
