import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { TypedApp } from '../../platform/context.js';
import { call, type Session } from '../../test/app.js';

/** A multipart/form-data body with one file in the field `file`. */
export function multipartFile(name: string, content: string, field = 'file') {
  const boundary = `----rampart${randomBytes(6).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${name}"\r\n` +
      'Content-Type: application/yaml\r\n\r\n',
  );
  return {
    payload: Buffer.concat([head, Buffer.from(content), Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

export async function createThreat(
  app: TypedApp,
  session: Session,
  folderId: string,
  fields: Record<string, unknown> = {},
) {
  const response = await call(app, session, {
    method: 'POST',
    url: '/api/v1/threats',
    payload: { folderId, name: `Threat ${randomBytes(3).toString('hex')}`, category: 'deliberate', ...fields },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; version: number; name: string; folderId: string };
}
