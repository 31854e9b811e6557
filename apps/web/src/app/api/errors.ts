/** An RFC 9457 problem answered by the API, carried as a typed error through queries and forms. */
export interface FieldProblem {
  field: string;
  message: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  code?: string;
  requestId?: string;
  errors?: FieldProblem[];
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  /** The server's own sentence (English, with the names and states involved); absent on a bodiless answer. */
  readonly detail: string | undefined;
  readonly fieldErrors: FieldProblem[];
  readonly requestId: string | undefined;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
    this.name = 'ApiError';
    this.status = problem.status;
    this.code = problem.code ?? 'unknown';
    this.detail = problem.detail;
    this.fieldErrors = problem.errors ?? [];
    this.requestId = problem.requestId;
  }

  /** `body.name` → `name`, `body.parentId` → `parentId`: the form input each server field error belongs to. */
  fieldMap(): Record<string, string> {
    const map: Record<string, string> = {};
    for (const e of this.fieldErrors) {
      const key = e.field.replace(/^(body|query|params)\./, '');
      map[key] ??= e.message;
    }
    return map;
  }

  get isVersionConflict(): boolean {
    return this.code === 'version_conflict';
  }
}

export async function problemOf(response: Response): Promise<ApiError> {
  let body: Partial<Problem> = {};
  try {
    body = (await response.clone().json()) as Partial<Problem>;
  } catch {
    // A proxy error page or an empty body: the status is all there is.
  }
  return new ApiError({ ...body, status: response.status });
}
