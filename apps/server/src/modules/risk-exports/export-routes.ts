import { z } from 'zod';
import type { AppContext, TypedApp } from '../../platform/context.js';
import { attachment } from './file-name.js';
import { registerToPdf } from './formats/pdf.js';
import { registerToXlsx } from './formats/workbook.js';
import { loadRiskHeader, loadScenarios, type RiskHeader, type ScenarioRecord } from './register-lookups.js';

export const riskAssessmentIdParams = z.object({ id: z.uuid() });

const formats = [
  {
    extension: 'xlsx',
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    operationId: 'exportRiskAssessmentXlsx',
    description:
      'The risk assessment as an Excel workbook: "Scenarios" (one row per scenario; ratings by scale point name, ' +
      'linked objects by ref id or name separated by ";"; the level cells in the level colours), "Heat maps" ' +
      '(inherent, current and residual grids with counts), "Matrix" (scales, levels, grid) and "About". The ' +
      '"Scenarios" sheet imports back through POST /risk-assessments/{id}/import.',
    encode: registerToXlsx,
  },
  {
    extension: 'pdf',
    type: 'application/pdf',
    operationId: 'exportRiskAssessmentPdf',
    description:
      'The risk assessment as a PDF report: its facts and summary figures, the three heat maps drawn as ' +
      'coloured grids with counts and axis labels, the scenario table (current and residual levels with colour ' +
      'chips, treatment, owner) and the treatment plan (planned controls with status and ETA).',
    encode: registerToPdf,
  },
] satisfies {
  extension: string;
  type: string;
  operationId: string;
  description: string;
  encode: (header: RiskHeader, scenarios: ScenarioRecord[], exportedAt: Date) => Promise<Buffer>;
}[];

/**
 * `GET /risk-assessments/{id}/export.{xlsx,pdf}`: needs risk_assessment:read and risk_scenario:read on the
 * assessment's folder — the file is the register, every scenario by name (the scenarios live in that folder).
 */
export function registerExportRoutes(app: TypedApp, ctx: AppContext) {
  const { db, clock } = ctx;
  for (const format of formats) {
    app.get(
      `/risk-assessments/:id/export.${format.extension}`,
      {
        schema: {
          operationId: format.operationId,
          tags: ['risk-exports'],
          description: `${format.description} Needs risk_assessment:read and risk_scenario:read (403 without the latter).`,
          params: riskAssessmentIdParams,
          produces: [format.type],
          response: {
            200: z.string().describe(`The file (${format.type}, binary)`).meta({ format: 'binary' }),
          },
        },
      },
      async (request, reply) => {
        const access = await request.access();
        const header = await loadRiskHeader(db, access, request.params.id, [
          'risk_assessment:read',
          'risk_scenario:read',
        ]);
        const now = clock.now();
        const scenarios = await loadScenarios(db, access, header, now.toISOString().slice(0, 10));
        const body = await format.encode(header, scenarios, now);
        return (
          reply
            .header('content-type', format.type)
            .header('content-disposition', attachment(header.name, format.extension))
            .header('cache-control', 'no-store')
            // Files skip the serializer; the response schema documents them for the OpenAPI reader.
            .send(body as unknown as string)
        );
      },
    );
  }
}
