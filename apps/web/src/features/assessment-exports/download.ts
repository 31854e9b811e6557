import { api } from '../../app/api/client';

export const exportFormats = ['xlsx', 'csv', 'oscal', 'soa.xlsx', 'soa.pdf'] as const;
export type ExportFormat = (typeof exportFormats)[number];

const fallbackNames: Record<ExportFormat, string> = {
  xlsx: 'assessment.xlsx',
  csv: 'assessment.csv',
  oscal: 'assessment-results.json',
  'soa.xlsx': 'statement-of-applicability.xlsx',
  'soa.pdf': 'statement-of-applicability.pdf',
};

/** The ASCII `filename="…"` the server sets (it is always present and safe). */
function fileNameOf(response: Response, fallback: string) {
  const header = response.headers.get('content-disposition') ?? '';
  return /filename="([^"]+)"/.exec(header)?.[1] ?? fallback;
}

/** Hands a blob to the browser as a download with that name. */
export function saveBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start reading the blob before it is released.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Downloads an export through the API client (so the organisation header and the session go with it, whatever
 * organisation the server remembers for the session), then saves it under the server's file name.
 */
export async function downloadExport(assessmentId: string, format: ExportFormat) {
  const options = { params: { path: { id: assessmentId } }, parseAs: 'blob' as const };
  const result =
    format === 'xlsx'
      ? await api.GET('/api/v1/compliance-assessments/{id}/exports/xlsx', options)
      : format === 'csv'
        ? await api.GET('/api/v1/compliance-assessments/{id}/exports/csv', options)
        : format === 'oscal'
          ? await api.GET('/api/v1/compliance-assessments/{id}/exports/oscal', options)
          : format === 'soa.xlsx'
            ? await api.GET('/api/v1/compliance-assessments/{id}/exports/soa.xlsx', options)
            : await api.GET('/api/v1/compliance-assessments/{id}/exports/soa.pdf', options);
  saveBlob(result.data as Blob, fileNameOf(result.response, fallbackNames[format]));
}

export async function downloadFrameworkTemplate() {
  const result = await api.GET('/api/v1/library/template.xlsx', { parseAs: 'blob' });
  saveBlob(result.data as Blob, fileNameOf(result.response, 'rampart-framework-template.xlsx'));
}
