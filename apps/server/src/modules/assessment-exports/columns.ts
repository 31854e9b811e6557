import { requirementAssessmentStatuses, requirementResults } from '../assessments/index.js';
import type { ExportRow } from './load.js';

/**
 * The columns of the assessment spreadsheet (XLSX and CSV alike), in order. The import reads the same headers
 * back, so a file exported, filled in and sent again round-trips; `editable` columns are those it applies.
 */
export const columns = [
  { key: 'urn', header: 'Requirement URN', width: 40, editable: false },
  { key: 'refId', header: 'Ref ID', width: 14, editable: false },
  { key: 'name', header: 'Name', width: 48, editable: false },
  { key: 'depth', header: 'Depth', width: 7, editable: false },
  { key: 'parentRefId', header: 'Parent ref ID', width: 14, editable: false },
  { key: 'assessable', header: 'Assessable', width: 11, editable: false },
  { key: 'status', header: 'Status', width: 13, editable: true },
  { key: 'result', header: 'Result', width: 20, editable: true },
  { key: 'score', header: 'Score', width: 8, editable: true },
  { key: 'observation', header: 'Observation', width: 60, editable: true },
  { key: 'controls', header: 'Applied controls', width: 40, editable: true },
  { key: 'evidence', header: 'Evidence', width: 36, editable: true },
  { key: 'inferred', header: 'Inferred', width: 9, editable: false },
  // Last, so older files (without it) keep their layout: the import refuses to overwrite rows edited since.
  { key: 'updatedAt', header: 'Updated at', width: 30, editable: false },
] as const;

export type ColumnKey = (typeof columns)[number]['key'];
export type SheetRow = Record<ColumnKey, string | number>;

export const DATA_SHEET = 'Requirements';
export const INFO_SHEET = 'Assessment';
/** Between two linked objects in one cell: one per line, the way Excel's Alt+Enter writes them. */
export const LINK_SEPARATOR = '\n';
/** Between a control's ref id and its name, so the import can match either. */
export const REF_NAME_SEPARATOR = ' — ';

export const statusValues = requirementAssessmentStatuses;
export const resultValues = requirementResults;

export const controlLabel = (c: { refId: string | null; name: string }) =>
  c.refId ? `${c.refId}${REF_NAME_SEPARATOR}${c.name}` : c.name;

/** One export row as cells. Headings (no assessment) leave the assessment columns empty. */
export function toSheetRow(row: ExportRow): SheetRow {
  const ra = row.assessment;
  return {
    urn: row.urn,
    refId: row.refId ?? '',
    name: row.name ?? '',
    depth: row.depth,
    parentRefId: row.parentRefId ?? '',
    assessable: row.assessable ? 'yes' : 'no',
    status: ra?.status ?? '',
    result: ra?.result ?? '',
    score: ra?.isScored && ra.score !== null ? ra.score : '',
    observation: ra?.observation ?? '',
    controls: ra ? ra.controls.map(controlLabel).join(LINK_SEPARATOR) : '',
    evidence: ra ? ra.evidence.map((e) => e.name).join(LINK_SEPARATOR) : '',
    inferred: ra ? (ra.inferred ? 'yes' : 'no') : '',
    updatedAt: ra?.updatedAtText ?? '',
  };
}
