import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.js';

/**
 * PostgreSQL cannot store a NUL character in text. Refuse it before validation, naming the field, instead of
 * letting the database fail deep inside a service.
 */
function findNul(value: unknown, path: string, depth = 0): string | null {
  if (depth > 32) return null;
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findNul(value[i], `${path}.${i}`, depth + 1);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key.includes('\u0000')) return `${path}.${key.split('\u0000').join('\\u0000')}`;
      const found = findNul(inner, `${path}.${key}`, depth + 1);
      if (found) return found;
    }
  }
  return null;
}

export function registerTextGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    const field = findNul(request.params, 'params') ?? findNul(request.query, 'query') ?? findNul(request.body, 'body');
    if (field) {
      throw new AppError('validation_failed', 'The request is not valid', [
        { field, message: 'Text may not contain the NUL character (\\u0000)' },
      ]);
    }
  });
}
