import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../app/api/client';
import type { paths } from '../../app/api/schema';
import { auditKeys } from '../audit/keys';
import { riskAssessmentKeys, riskScenarioKeys } from '../risk-assessments/keys';
import { riskRegisterKeys } from '../risk-register/keys';
import { riskExportKeys } from './keys';

export type RiskImportResult =
  paths['/api/v1/risk-assessments/{id}/import']['post']['responses'][200]['content']['application/json'];

/** The assessment's status and the caller's abilities on it, to offer the import only where it can succeed. */
export function useRiskAssessmentForExports(riskAssessmentId: string) {
  return useQuery({
    queryKey: riskExportKeys.ofAssessment(riskAssessmentId),
    queryFn: () => unwrap(api.GET('/api/v1/risk-assessments/{id}', { params: { path: { id: riskAssessmentId } } })),
  });
}

/** Sends the workbook; `dryRun` answers the preview. A real import refreshes everything about the register. */
export function useRiskImport(riskAssessmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { file: File; dryRun: boolean }) => {
      const form = new FormData();
      form.append('file', input.file, input.file.name);
      // The route reads its multipart body itself, so the OpenAPI document types no body.
      return unwrap(
        api.POST('/api/v1/risk-assessments/{id}/import', {
          params: { path: { id: riskAssessmentId }, query: { dryRun: input.dryRun ? 'true' : 'false' } },
          body: form as never,
          bodySerializer: () => form,
        }),
      );
    },
    onSuccess: async (_result, input) => {
      if (input.dryRun) return;
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: riskScenarioKeys.all }),
        queryClient.invalidateQueries({ queryKey: riskAssessmentKeys.all }),
        queryClient.invalidateQueries({ queryKey: riskRegisterKeys.all }),
        queryClient.invalidateQueries({ queryKey: auditKeys.all }),
      ]);
    },
  });
}
