import { Button } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api/client';
import { ErrorLines } from '../../app/forms/errors';
import { notifyFailure, notifySuccess } from '../../app/ui/notify';
import { assessmentKeys } from '../assessments/keys';
import { dashboardKeys } from '../dashboard/keys';

/**
 * Re-runs mapping inference for an assessment created by it: only results still inferred or not assessed
 * change. For the assessment page header; render it when the assessment has `inferredFrom` and may be updated.
 */
export function RefreshInferenceButton({ assessmentId, version }: { assessmentId: string; version: number }) {
  const { t } = useTranslation('dashboard');
  const queryClient = useQueryClient();
  const refresh = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/compliance-assessments/{id}/refresh-inference', {
          params: { path: { id: assessmentId } },
          body: { version },
        }),
      ),
    onSuccess: (result) => {
      notifySuccess(t('infer.refreshed', { updated: result.updated, kept: result.kept }));
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: assessmentKeys.all }),
        queryClient.invalidateQueries({ queryKey: dashboardKeys.all }),
      ]);
    },
    onError: (error) => notifyFailure(<ErrorLines error={error} />),
  });
  return (
    <Button
      variant="default"
      leftSection={<IconRefresh size={16} aria-hidden />}
      loading={refresh.isPending}
      onClick={() => refresh.mutate()}
    >
      {t('infer.refresh')}
    </Button>
  );
}
