import { AppError } from '../../../platform/errors.js';
import { SCENARIOS_SHEET } from '../columns.js';
import type { LocatedError } from './read-sheet.js';

export const MAX_ERRORS = 200;

const where = (e: LocatedError) =>
  [e.row === null ? null : `Row ${e.row}`, e.column ? `column "${e.column}"` : null].filter(Boolean).join(', ');

/** A refused file as a 400 problem: `field` is `file.Scenarios[<row>].<column>`, the message says it in words. */
export function importRejected(errors: LocatedError[]): AppError {
  const n = errors.length;
  return new AppError(
    'validation_failed',
    `The file cannot be imported: ${n} problem${n === 1 ? '' : 's'} found; nothing was changed`,
    errors.slice(0, MAX_ERRORS).map((e) => ({
      field: `file.${SCENARIOS_SHEET}${e.row === null ? '' : `[${e.row}]`}${e.column ? `.${e.column}` : ''}`,
      message: where(e) ? `${where(e)}: ${e.message}` : e.message,
    })),
  );
}
