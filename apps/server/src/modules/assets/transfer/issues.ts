import { AppError } from '../../../platform/errors.js';

/** A problem in an uploaded file, located as a person looks for it: row number (header = 1) and column name. */
export interface ImportIssue {
  row: number | null;
  column: string | null;
  message: string;
}

export const MAX_ISSUES = 500;

/** Issues as a 400 problem+json: `field` is `file[<row>].<column>`, and the message says it in words. */
export function importRejected(issues: ImportIssue[]): AppError {
  const n = issues.length;
  return new AppError(
    'validation_failed',
    `The file cannot be imported: ${n} problem${n === 1 ? '' : 's'} found; nothing was changed`,
    issues.slice(0, MAX_ISSUES).map((issue) => ({
      field: `file${issue.row === null ? '' : `[${issue.row}]`}${issue.column ? `.${issue.column}` : ''}`,
      message: `${locate(issue)}${issue.message}`,
    })),
  );
}

const locate = (issue: ImportIssue) => {
  const parts = [issue.row === null ? null : `Row ${issue.row}`, issue.column ? `column "${issue.column}"` : null];
  const where = parts.filter(Boolean).join(', ');
  return where ? `${where}: ` : '';
};
