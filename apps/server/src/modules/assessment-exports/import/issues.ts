import { AppError } from '../../../platform/errors.js';

/** A problem in an uploaded file, located like a person looks for it: sheet, row number, column header. */
export interface ImportIssue {
  sheet: string;
  row: number | null;
  column: string | null;
  message: string;
}

export const MAX_ISSUES = 200;

/** Issues as a 400 problem+json: `field` is `file.<sheet>[<row>].<column>`, and the message says it in words. */
export function importRejected(issues: ImportIssue[]): AppError {
  return new AppError(
    'validation_failed',
    `The file cannot be imported: ${issues.length} problem${issues.length === 1 ? '' : 's'} found; nothing was changed`,
    located(issues),
  );
}

/**
 * Rows edited in Rampart since the file was exported, as a 409 (the file is valid but stale, like a stale
 * `version`), located the same way as a 400 so a client shows both alike.
 */
export function importConflicted(conflicts: ImportIssue[]): AppError {
  const n = conflicts.length;
  return new AppError(
    'conflict',
    `${n} row${n === 1 ? ' was' : 's were'} changed in Rampart after this file was exported; nothing was changed. ` +
      'Export again and redo the edits, or import with overwrite=true to replace those changes',
    located(conflicts),
  );
}

const located = (issues: ImportIssue[]) =>
  issues.slice(0, MAX_ISSUES).map((issue) => ({
    field: `file.${issue.sheet}${issue.row === null ? '' : `[${issue.row}]`}${issue.column ? `.${issue.column}` : ''}`,
    message: `${locate(issue)}: ${issue.message}`,
  }));

const locate = (issue: ImportIssue) =>
  [
    `Sheet "${issue.sheet}"`,
    issue.row === null ? null : `row ${issue.row}`,
    issue.column ? `column "${issue.column}"` : null,
  ]
    .filter(Boolean)
    .join(', ');
