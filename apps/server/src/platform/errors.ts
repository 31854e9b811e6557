/**
 * One error type with stable codes. Services throw AppError; the HTTP layer maps codes to statuses in one place
 * (http/problem.ts) and answers RFC 9457 problem+json. Anything else becomes a 500 that leaks nothing.
 */
export const errorStatus = {
  bad_request: 400,
  validation_failed: 400,
  unauthenticated: 401,
  totp_required: 401,
  forbidden: 403,
  totp_enrollment_required: 403,
  /** Granting, inviting to or widening a role with permissions the caller does not hold (no escalation). */
  permissions_not_held: 403,
  csrf_failed: 403,
  not_found: 404,
  conflict: 409,
  version_conflict: 409,
  /** A lifecycle step the object's state does not allow (e.g. accepting a risk acceptance still in draft). */
  invalid_transition: 409,
  /** Content shipped with Rampart (built-in threats, matrices) cannot be changed; copy it instead. */
  builtin_read_only: 403,
  /** A risk matrix used by a risk assessment changes only through a new revision and a re-rating. */
  matrix_in_use: 409,
  /** A risk assessment with rated scenarios changes matrix only through an explicit re-rating. */
  matrix_change_needs_rerating: 409,
  /** A done or deprecated risk assessment: its scenarios no longer change until it is reopened. */
  risk_assessment_locked: 409,
  gone: 410,
  setup_done: 409,
  precondition_required: 428,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export interface FieldError {
  /** JSON pointer-ish path of the offending field, e.g. `body.email` or `query.limit`. */
  field: string;
  message: string;
}

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly errors: FieldError[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.status = errorStatus[code];
  }
}

export const notFound = (what = 'Resource') => new AppError('not_found', `${what} not found`);
export const forbidden = (why = 'You are not allowed to do this') => new AppError('forbidden', why);
export const conflict = (why: string) => new AppError('conflict', why);
export const invalid = (field: string, message: string) =>
  new AppError('validation_failed', 'The request is not valid', [{ field, message }]);
export const versionConflict = () =>
  new AppError(
    'version_conflict',
    'This object was changed by someone else since you loaded it; reload it and apply your change again',
  );
