import { type ColumnKey, columns, resultValues, statusValues } from '../columns.js';
import type { ExportRow, LinkedControl, LinkedEvidence } from '../load.js';
import type { ImportIssue } from './issues.js';
import type { ImportTable } from './read-table.js';
import { createResolver, type Referable, splitLinks } from './references.js';

type Status = (typeof statusValues)[number];
type Result = (typeof resultValues)[number];

export interface AssessedValues {
  status: Status;
  result: Result;
  score: number | null;
  observation: string | null;
}

/** What the import does to one requirement assessment. */
export interface RowChange {
  requirementAssessmentId: string;
  requirementUrn: string;
  refId: string | null;
  row: number;
  before: AssessedValues;
  after: AssessedValues;
  /** The fields among status, result, score, observation whose value changes. */
  fields: (keyof AssessedValues)[];
  wasInferred: boolean;
  controlsAdded: LinkedControl[];
  controlsRemoved: LinkedControl[];
  evidenceAdded: LinkedEvidence[];
  evidenceRemoved: LinkedEvidence[];
}

export interface ImportPlan {
  issues: ImportIssue[];
  /**
   * Rows the file would change although they were edited in Rampart after the file was exported (their
   * "Updated at" differs): applied only when the caller asks to overwrite.
   */
  conflicts: ImportIssue[];
  changes: RowChange[];
  unchanged: number;
  /** Heading rows (no assessment) read and left alone. */
  headings: number;
}

export interface PlanContext {
  rows: ExportRow[];
  controls: (Referable & { status: string })[];
  evidence: Referable[];
  /** The framework's scoring scale; null when it has none (then, as in the API, no score is accepted). */
  scoreRange: { min: number; max: number } | null;
}

const headerOf = (key: ColumnKey) => columns.find((c) => c.key === key)?.header ?? key;
const editable = columns.filter((c) => c.editable).map((c) => c.key);
/** "Partially compliant", "partially-compliant" and "PARTIALLY_COMPLIANT" all name the same value. */
const token = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/**
 * Compares the uploaded rows with the assessment and says what would change, or every problem found (then
 * nothing changes). Pure: the caller loads the assessment, the organisation's controls and evidence, and
 * applies the plan in one transaction.
 */
export function planImport(table: ImportTable, context: PlanContext): ImportPlan {
  const issues: ImportIssue[] = [];
  const conflicts: ImportIssue[] = [];
  const issue = (row: number | null, key: ColumnKey | null, message: string) =>
    issues.push({ sheet: table.sheet, row, column: key ? headerOf(key) : null, message });
  const byUrn = new Map(context.rows.map((r) => [r.urn, r]));
  const resolveControl = createResolver(context.controls, 'applied control', true);
  const resolveEvidence = createResolver(context.evidence, 'evidence', false);
  const seen = new Map<string, number>();
  const changes: RowChange[] = [];
  let unchanged = 0;
  let headings = 0;

  for (const { row, cells } of table.rows) {
    const urn = cells.urn ?? '';
    const hasEdits = editable.some((key) => table.present.has(key) && (cells[key] ?? '') !== '');
    if (urn === '') {
      issue(row, 'urn', 'The requirement URN is empty');
      continue;
    }
    const earlier = seen.get(urn);
    if (earlier !== undefined) {
      issue(row, 'urn', `This requirement is already on row ${earlier}`);
      continue;
    }
    seen.set(urn, row);
    const target = byUrn.get(urn);
    if (!target) {
      issue(row, 'urn', `"${urn}" is not a requirement of this assessment`);
      continue;
    }
    const ra = target.assessment;
    if (!ra) {
      if (hasEdits) issue(row, null, 'This row is a heading (or out of scope): it takes no assessment values');
      else headings++;
      continue;
    }

    const before: AssessedValues = {
      status: ra.status as Status,
      result: ra.result as Result,
      score: ra.isScored ? ra.score : null,
      observation: ra.observation,
    };
    const after = { ...before };
    if (table.present.has('status')) {
      const value = cells.status ? token(cells.status) : 'to_do';
      if ((statusValues as readonly string[]).includes(value)) after.status = value as Status;
      else issue(row, 'status', `"${cells.status}" is not a status (${statusValues.join(', ')})`);
    }
    if (table.present.has('result')) {
      const value = cells.result ? token(cells.result) : 'not_assessed';
      if ((resultValues as readonly string[]).includes(value)) after.result = value as Result;
      else issue(row, 'result', `"${cells.result}" is not a result (${resultValues.join(', ')})`);
    }
    if (table.present.has('score')) {
      const text = cells.score ?? '';
      const score = Number(text);
      const range = context.scoreRange;
      if (text === '') after.score = null;
      else if (!range) issue(row, 'score', 'This framework has no scoring scale; leave the score empty');
      else if (Number.isInteger(score) && score >= range.min && score <= range.max) after.score = score;
      else issue(row, 'score', `"${text}" is not a whole number from ${range.min} to ${range.max}`);
    }
    if (table.present.has('observation')) {
      const text = cells.observation ?? '';
      if (text.length > 100_000) issue(row, 'observation', 'The observation is longer than 100,000 characters');
      else after.observation = text === '' ? null : text;
    }

    let controlsAdded: LinkedControl[] = [];
    let controlsRemoved: LinkedControl[] = [];
    if (table.present.has('controls')) {
      const wanted = new Map<string, LinkedControl>();
      for (const found of splitLinks(cells.controls ?? '', resolveControl)) {
        if ('problem' in found) issue(row, 'controls', found.problem);
        else wanted.set(found.found.id, { ...found.found });
      }
      const current = new Set(ra.controls.map((c) => c.id));
      controlsAdded = [...wanted.values()].filter((c) => !current.has(c.id));
      controlsRemoved = ra.controls.filter((c) => !wanted.has(c.id));
    }
    let evidenceAdded: LinkedEvidence[] = [];
    let evidenceRemoved: LinkedEvidence[] = [];
    if (table.present.has('evidence')) {
      const wanted = new Map<string, LinkedEvidence>();
      for (const found of splitLinks(cells.evidence ?? '', resolveEvidence)) {
        if ('problem' in found) issue(row, 'evidence', found.problem);
        else wanted.set(found.found.id, { id: found.found.id, name: found.found.name });
      }
      const current = new Set(ra.evidence.map((e) => e.id));
      evidenceAdded = [...wanted.values()].filter((e) => !current.has(e.id));
      evidenceRemoved = ra.evidence.filter((e) => !wanted.has(e.id));
    }

    const fields = (Object.keys(before) as (keyof AssessedValues)[]).filter((k) => before[k] !== after[k]);
    const linksChange =
      controlsAdded.length + controlsRemoved.length + evidenceAdded.length + evidenceRemoved.length > 0;
    if (fields.length === 0 && !linksChange) {
      unchanged++;
      continue;
    }
    // A row the file leaves as stored is no conflict whatever its stamp; an empty stamp (a hand-made row) is none.
    const stamp = table.present.has('updatedAt') ? (cells.updatedAt ?? '') : '';
    if (stamp !== '' && stamp !== ra.updatedAtText) {
      conflicts.push({
        sheet: table.sheet,
        row,
        column: headerOf('updatedAt'),
        message: `Changed in Rampart at ${ra.updatedAtText}, after this file was exported (${stamp}); importing would overwrite that change`,
      });
    }
    changes.push({
      requirementAssessmentId: ra.id,
      requirementUrn: urn,
      refId: target.refId,
      row,
      before,
      after,
      fields,
      wasInferred: ra.inferred,
      controlsAdded,
      controlsRemoved,
      evidenceAdded,
      evidenceRemoved,
    });
  }
  return { issues, conflicts, changes: issues.length > 0 ? [] : changes, unchanged, headings };
}
