import type { ExportRow } from '../load.js';

/** One line of a Statement of Applicability. */
export interface SoaLine {
  refId: string;
  requirement: string;
  applicable: boolean;
  /** Why the requirement is (not) applicable: the assessment's observation. */
  justification: string;
  controls: { label: string; status: string }[];
  implementation: string;
}

const implementationOf: Record<string, string> = {
  compliant: 'Implemented',
  partially_compliant: 'Partially implemented',
  non_compliant: 'Not implemented',
  not_applicable: 'Not applicable',
  not_assessed: 'Not assessed',
};

/**
 * The Statement of Applicability (ISO/IEC 27001 6.1.3 d, but it reads for any framework): every requirement in
 * scope, whether it applies (any result but not_applicable), the justification, the controls that implement it
 * and where their implementation stands. Headings are not listed; their requirements say enough.
 */
export function soaLines(rows: ExportRow[]): SoaLine[] {
  return rows.flatMap((row) => {
    const ra = row.assessment;
    if (!ra) return [];
    return [
      {
        refId: row.refId ?? '',
        requirement: row.name ?? row.description?.slice(0, 300) ?? row.urn,
        applicable: ra.result !== 'not_applicable',
        justification: ra.observation?.trim() ?? '',
        controls: ra.controls.map((c) => ({
          label: c.refId ? `${c.refId} ${c.name}` : c.name,
          status: c.status.replace(/_/g, ' '),
        })),
        implementation: implementationOf[ra.result] ?? ra.result,
      },
    ];
  });
}

export const soaHeaders = [
  'Ref ID',
  'Requirement',
  'Applicable',
  'Justification',
  'Implementing controls',
  'Implementation status',
] as const;

export const controlsText = (line: SoaLine) => line.controls.map((c) => `${c.label} (${c.status})`).join('\n');
