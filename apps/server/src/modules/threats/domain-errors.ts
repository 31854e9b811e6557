import { AppError } from '../../platform/errors.js';

/** Refusals shared by the threats and risk-matrices modules, with their own stable codes. */
export const builtinReadOnly = (what: string) =>
  new AppError(
    'builtin_read_only',
    `Built-in ${what}s are read-only; copy or create one in your organisation to change it`,
  );

export const matrixInUse = (count: number, action: 'changed' | 'deleted') =>
  new AppError(
    'matrix_in_use',
    action === 'changed'
      ? `This matrix is used by ${count} risk assessment(s) and cannot be changed in place; create a new revision instead (POST /risk-matrices/{id}/revisions)`
      : `This matrix is used by ${count} risk assessment(s) and cannot be deleted`,
  );
