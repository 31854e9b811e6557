import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode, errorStatus, type FieldError } from '../errors.js';

/**
 * Every error leaves as RFC 9457 problem+json with the request id. Known errors keep their status and say which
 * field is wrong and why; anything unexpected becomes a plain 500 that leaks nothing (the details go to the log).
 */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  requestId: string;
  errors?: FieldError[];
}

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  410: 'Gone',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function sendProblem(
  reply: FastifyReply,
  request: FastifyRequest,
  status: number,
  code: string,
  detail: string,
  errors?: FieldError[],
) {
  const body: Problem = {
    type: `https://rampart.dev/problems/${code.replace(/_/g, '-')}`,
    title: titles[status] ?? 'Error',
    status,
    detail,
    code,
    requestId: String(request.id),
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
  return reply.status(status).type('application/problem+json').send(body);
}

/** Fastify's own client-error codes that must stay 4xx. */
const fastifyClientErrors: Record<string, { status: number; code: ErrorCode }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'bad_request' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'bad_request' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'payload_too_large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'unsupported_media_type' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'bad_request' },
  FST_ERR_CTP_INVALID_TYPE: { status: 400, code: 'bad_request' },
  FST_ERR_VALIDATION: { status: 400, code: 'validation_failed' },
};

export function registerProblemHandlers(app: FastifyInstance) {
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, request, 404, 'not_found', `No route for ${request.method} ${request.url.split('?')[0]}`),
  );

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      for (const [name, value] of Object.entries(error.headers)) reply.header(name, value);
      return sendProblem(reply, request, error.status, error.code, error.message, error.errors);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      // Fastify says `querystring`; our field paths say `query` everywhere (query.limit, query.cursor).
      const where = error.validationContext === 'querystring' ? 'query' : (error.validationContext ?? 'body');
      const errors = error.validation.map((issue) => {
        const pathParts = issue.instancePath.split('/').filter(Boolean);
        // An unknown key is reported on its object; name the key itself so the caller knows what to remove.
        const keys = (issue.params as { keys?: string[] } | undefined)?.keys;
        const field = [where, ...pathParts, ...(keys?.length === 1 ? keys : [])].join('.');
        return { field, message: issue.message ?? 'Invalid value' };
      });
      return sendProblem(reply, request, 400, 'validation_failed', 'The request is not valid', errors);
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, cause: error.cause }, 'response did not match its schema');
      return sendProblem(reply, request, 500, 'internal', 'An unexpected error occurred');
    }
    const known = error.code ? fastifyClientErrors[error.code] : undefined;
    if (known) return sendProblem(reply, request, known.status, known.code, error.message);
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      const code = error.statusCode === 429 ? 'rate_limited' : 'bad_request';
      return sendProblem(reply, request, error.statusCode, code, error.message);
    }
    const unstorable = dataExceptionOf(error);
    if (unstorable) {
      request.log.warn({ err: error, sqlState: unstorable }, 'input the database refused');
      return sendProblem(reply, request, 400, 'bad_request', 'The request contains a value that cannot be stored');
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, request, 500, 'internal', 'An unexpected error occurred');
  });
}

/**
 * PostgreSQL's class 22 ("data exception": a NUL byte in text, a malformed uuid or number, a value out of range)
 * means the input could not be stored, not that the server failed. Drivers and Drizzle nest the original error.
 */
function dataExceptionOf(error: unknown): string | null {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; depth++) {
    if (typeof e.code === 'string' && /^22[0-9A-Z]{3}$/.test(e.code)) return e.code;
    e = e.cause as typeof e;
  }
  return null;
}

export const statusOf = (code: ErrorCode) => errorStatus[code];
