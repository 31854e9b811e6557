import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { TypedApp } from '../../platform/context.js';
import { call, type Session } from '../../test/app.js';

export const assetsApi = '/api/v1/assets';
export const missingId = '00000000-0000-4000-8000-000000000000';

export interface CreatedAsset {
  id: string;
  version: number;
  name: string;
  abilities: Record<string, boolean>;
}

export async function createAsset(
  app: TypedApp,
  session: Session,
  folderId: string,
  fields: Record<string, unknown> = {},
): Promise<CreatedAsset> {
  const response = await call(app, session, {
    method: 'POST',
    url: assetsApi,
    payload: { folderId, name: `Asset ${randomBytes(3).toString('hex')}`, type: 'supporting', ...fields },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as CreatedAsset;
}

/** Records "supporting supports supported" through the API, expecting success. */
export async function support(app: TypedApp, session: Session, supportingId: string, supportedId: string) {
  const response = await call(app, session, {
    method: 'POST',
    url: `${assetsApi}/${supportingId}/supports`,
    payload: { supportedAssetId: supportedId },
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

/** A multipart/form-data body with one file in the field `file` and optional text fields. */
export function multipartFile(name: string, content: Buffer | string, fields: Record<string, string> = {}) {
  const boundary = `----rampart${randomBytes(6).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [key, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${key}"\r\n\r\n${value}\r\n`));
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\n` +
        'Content-Type: application/octet-stream\r\n\r\n',
    ),
    Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
