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
  const shown = issues.slice(0, MAX_ISSUES);
  return new AppError(
    'validation_failed',
    `The file cannot be imported: ${issues.length} problem${issues.length === 1 ? '' : 's'} found; nothing was changed`,
    shown.map((issue) => ({
      field: `file.${issue.sheet}${issue.row === null ? '' : `[${issue.row}]`}${issue.column ? `.${issue.column}` : ''}`,
      message: `${locate(issue)}: ${issue.message}`,
    })),
  );
}

const locate = (issue: ImportIssue) =>
  [
    `Sheet "${issue.sheet}"`,
    issue.row === null ? null : `row ${issue.row}`,
    issue.column ? `column "${issue.column}"` : null,
  ]
    .filter(Boolean)
    .join(', ');
