import type { jsonSchemaTransform } from 'fastify-type-provider-zod';

type Transform = typeof jsonSchemaTransform;

/** The RFC 9457 body of every error (see `Problem` in problem.ts), as the OpenAPI document states it. */
export const problemJsonSchema = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail', 'code', 'requestId'],
  properties: {
    type: { type: 'string', description: 'A URI naming the kind of problem' },
    title: { type: 'string' },
    status: { type: 'integer', minimum: 400, maximum: 599 },
    detail: { type: 'string', description: 'What went wrong, for a person' },
    code: { type: 'string', description: 'Stable machine-readable code, e.g. `validation_failed`, `not_found`' },
    requestId: { type: 'string', description: 'Quote it when reporting a problem; it is in the server log' },
    errors: {
      type: 'array',
      description: 'Which fields were wrong and why (validation errors only)',
      items: {
        type: 'object',
        required: ['field', 'message'],
        properties: { field: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
} as const;

const problemResponse = {
  description: 'An error, as RFC 9457 problem+json (401, 403, 404, 409, 400 with the invalid fields, …)',
  content: { 'application/problem+json': { schema: problemJsonSchema } },
};

/**
 * Wraps the zod → OpenAPI transform so that every documented operation also lists its `default` response: the
 * problem+json every error is answered with. Clients generated from the document then know the error shape
 * without each route repeating it.
 */
export function withProblemResponses(transform: Transform): Transform {
  return (input) => {
    const output = transform(input);
    const schema = output.schema as Record<string, unknown> | undefined;
    if (!schema || schema.hide) return output;
    const response = (schema.response ?? {}) as Record<string, unknown>;
    return { ...output, schema: { ...schema, response: { ...response, default: problemResponse } } } as typeof output;
  };
}
