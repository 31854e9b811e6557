import { api } from '../../app/api/client';

export type RiskExportFormat = 'xlsx' | 'pdf';

const fallbackNames: Record<RiskExportFormat, string> = {
  xlsx: 'risk-assessment.xlsx',
  pdf: 'risk-assessment.pdf',
};

/** The ASCII `filename="…"` the server always sets. */
function fileNameOf(response: Response, fallback: string) {
  const header = response.headers.get('content-disposition') ?? '';
  return /filename="([^"]+)"/.exec(header)?.[1] ?? fallback;
}

function saveBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser reads the blob after the click returns: release it later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Downloads an export through the API client (so the session and the organisation header go with it), then saves
 * it under the server's file name. A refusal throws the API's problem (the client's middleware does).
 */
export async function downloadRiskExport(riskAssessmentId: string, format: RiskExportFormat) {
  const options = { params: { path: { id: riskAssessmentId } }, parseAs: 'blob' as const };
  const result =
    format === 'xlsx'
      ? await api.GET('/api/v1/risk-assessments/{id}/export.xlsx', options)
      : await api.GET('/api/v1/risk-assessments/{id}/export.pdf', options);
  saveBlob(result.data as Blob, fileNameOf(result.response, fallbackNames[format]));
}
