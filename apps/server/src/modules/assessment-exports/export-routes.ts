import { z } from 'zod';
import type { AppContext, TypedApp } from '../../platform/context.js';
import { contentDisposition } from './file-name.js';
import { assessmentToCsv } from './formats/assessment-csv.js';
import { assessmentToXlsx } from './formats/assessment-xlsx.js';
import { assessmentToOscalResults } from './formats/oscal-results.js';
import { soaToPdf } from './formats/soa-pdf.js';
import { soaToXlsx } from './formats/soa-xlsx.js';
import { loadAssessmentHeader, loadExportRows } from './load.js';

export const assessmentIdParams = z.object({ id: z.uuid() });

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Each export: its URL segment, media type, file name suffix and extension, and the encoder. */
const exportFormats = [
  {
    path: 'xlsx',
    operationId: 'exportAssessmentXlsx',
    type: XLSX,
    suffix: '',
    extension: 'xlsx',
    description:
      'The assessment as an Excel workbook: an "Assessment" sheet (metadata and scoring summary) and a ' +
      '"Requirements" sheet, one row per requirement in tree order (headings included) with drop-downs on ' +
      'Status and Result. Fill it in and send it back to POST /compliance-assessments/{id}/import.',
    encode: assessmentToXlsx,
  },
  {
    path: 'csv',
    operationId: 'exportAssessmentCsv',
    type: 'text/csv; charset=utf-8',
    suffix: '',
    extension: 'csv',
    description:
      'The "Requirements" sheet of the XLSX export as CSV (UTF-8 with a BOM; linked objects one per line in a ' +
      'cell; cells a spreadsheet would run as a formula start with an apostrophe). Imports back.',
    encode: async (_h, rows) => assessmentToCsv(rows),
  },
  {
    path: 'oscal',
    operationId: 'exportAssessmentOscal',
    type: 'application/json',
    suffix: 'oscal-assessment-results',
    extension: 'json',
    description:
      'The assessment as an OSCAL 1.1.2 assessment-results document: one result, one finding per assessed ' +
      'requirement (target: the control id, satisfied / not-satisfied, Rampart result as a prop), observation ' +
      'texts as observations. `import-ap` names a placeholder: Rampart does not export assessment plans.',
    encode: async (h, rows, at) => `${JSON.stringify(assessmentToOscalResults(h, rows, at), null, 2)}\n`,
  },
  {
    path: 'soa.xlsx',
    operationId: 'exportStatementOfApplicabilityXlsx',
    type: XLSX,
    suffix: 'SoA',
    extension: 'xlsx',
    description:
      'The Statement of Applicability as a workbook: per requirement in scope, applicable or not, the ' +
      'justification (the observation), the implementing applied controls with their status and the ' +
      'implementation status.',
    encode: soaToXlsx,
  },
  {
    path: 'soa.pdf',
    operationId: 'exportStatementOfApplicabilityPdf',
    type: 'application/pdf',
    suffix: 'SoA',
    extension: 'pdf',
    description:
      'The Statement of Applicability as a PDF: a title page (organisation, assessment, framework, date, ' +
      'summary) then the table, with its header repeated on every page and page numbers.',
    encode: soaToPdf,
  },
] satisfies {
  path: string;
  operationId: string;
  type: string;
  suffix: string;
  extension: string;
  description: string;
  encode: (
    header: Awaited<ReturnType<typeof loadAssessmentHeader>>,
    rows: Awaited<ReturnType<typeof loadExportRows>>,
    exportedAt: Date,
  ) => Promise<Buffer | string>;
}[];

/** `GET /compliance-assessments/{id}/exports/{format}`: needs compliance_assessment:read (else 404). */
export function registerExportRoutes(app: TypedApp, ctx: AppContext) {
  const { db, clock } = ctx;
  for (const format of exportFormats) {
    app.get(
      `/compliance-assessments/:id/exports/${format.path}`,
      {
        schema: {
          operationId: format.operationId,
          tags: ['compliance-assessments'],
          description: `${format.description} Needs compliance_assessment:read.`,
          params: assessmentIdParams,
          produces: [format.type.split(';')[0] as string],
          response: {
            200: z
              .string()
              .describe(`The file (${format.type.split(';')[0]}, binary)`)
              .meta({ format: 'binary' }),
          },
        },
      },
      async (request, reply) => {
        const access = await request.access();
        const header = await loadAssessmentHeader(db, access, request.params.id, 'compliance_assessment:read');
        const rows = await loadExportRows(db, access, header);
        const body = await format.encode(header, rows, clock.now());
        return (
          reply
            .header('content-type', format.type)
            .header('content-disposition', contentDisposition(header.name, format.suffix, format.extension))
            .header('cache-control', 'no-store')
            // Files skip the serializer; the response schema only documents them for the OpenAPI reader.
            .send(body as unknown as string)
        );
      },
    );
  }
}
