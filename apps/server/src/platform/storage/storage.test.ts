import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloneTestDatabase } from '../../test/database.js';
import type { DatabaseHandle } from '../db/client.js';
import { contentMatches, normaliseContentType } from './content-types.js';
import { sanitiseFileName } from './file-name.js';
import { createLocalFileStorage, type FileStorage } from './file-storage.js';

describe('sanitiseFileName', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\windows\\system32\\config', 'config'],
    ['/absolute/path/report.pdf', 'report.pdf'],
    ['..', 'file'],
    ['', 'file'],
    ['  evil\u0000name\r\n.txt ', 'evilname.txt'],
    ['a"b<c>d|e?.pdf', 'a_b_c_d_e_.pdf'],
    ['résumé (final).docx', 'résumé (final).docx'],
    ['bidi\u202Etxt.exe', 'biditxt.exe'],
  ])('%j → %j', (input, expected) => {
    expect(sanitiseFileName(input)).toBe(expected);
  });

  it('keeps at most 255 characters', () => {
    expect([...sanitiseFileName(`${'é'.repeat(300)}.pdf`)]).toHaveLength(255);
  });
});

describe('content types', () => {
  it('normalises declared types and refuses what a browser would run', () => {
    expect(normaliseContentType('Text/CSV; charset=utf-8')).toBe('text/csv');
    for (const type of ['text/html', 'image/svg+xml', 'application/javascript', 'application/octet-stream', '']) {
      expect(normaliseContentType(type)).toBeNull();
    }
  });

  it('checks the content against the declared type', () => {
    expect(contentMatches('application/pdf', Buffer.from('%PDF-1.7\n'))).toBe(true);
    expect(contentMatches('application/pdf', Buffer.from('<html><script>'))).toBe(false);
    expect(contentMatches('image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe(true);
    expect(contentMatches('text/plain', Buffer.from([0x41, 0x00, 0x42]))).toBe(false);
  });
});

describe('local file storage', () => {
  let database: DatabaseHandle;
  let storage: FileStorage;
  let dataDir: string;
  const organizationId = randomUUID();
  const sha = (content: string | Buffer) => createHash('sha256').update(content).digest('hex');

  beforeAll(async () => {
    database = await cloneTestDatabase();
    dataDir = mkdtempSync(path.join(tmpdir(), 'rampart-files-'));
    storage = createLocalFileStorage({ dataDir, db: database.db });
  });
  afterAll(() => database?.close());

  it('stores content under its digest, streams it back and keeps the sanitised name as metadata only', async () => {
    const content = 'control,owner\nMFA,Alice\n';
    const file = await storage.put(Readable.from([Buffer.from(content)]), {
      organizationId,
      originalName: '../../../etc/cron.d/evil.csv',
      contentType: 'text/csv; charset=utf-8',
      maxBytes: 1024,
    });
    expect(file).toMatchObject({ sha256: sha(content), size: content.length, contentType: 'text/csv' });
    expect(file.originalName).toBe('evil.csv');
    const blob = path.join(dataDir, 'files', file.sha256.slice(0, 2), file.sha256);
    expect(existsSync(blob)).toBe(true);
    expect(existsSync(path.join(dataDir, 'etc'))).toBe(false);
    expect(readdirSync(path.join(dataDir, 'files', 'tmp'))).toEqual([]);
    const { stream, file: meta } = await storage.get(organizationId, file.id);
    expect(meta.id).toBe(file.id);
    expect(await text(stream)).toBe(content);
  });

  it('refuses oversize content while streaming and keeps nothing', async () => {
    const chunks = Array.from({ length: 64 }, () => Buffer.alloc(1024, 0x61));
    await expect(
      storage.put(Readable.from(chunks), {
        organizationId,
        originalName: 'big.txt',
        contentType: 'text/plain',
        maxBytes: 10 * 1024,
      }),
    ).rejects.toMatchObject({ code: 'payload_too_large', status: 413 });
    expect(readdirSync(path.join(dataDir, 'files', 'tmp'))).toEqual([]);
    expect(existsSync(path.join(dataDir, 'files', sha(Buffer.concat(chunks)).slice(0, 2)))).toBe(false);
  });

  it('refuses a type off the allow-list and content that does not match its declared type (415)', async () => {
    const options = { organizationId, originalName: 'x', maxBytes: 1024 };
    await expect(
      storage.put(Buffer.from('<svg onload="alert(1)"/>'), { ...options, contentType: 'image/svg+xml' }),
    ).rejects.toMatchObject({ code: 'unsupported_media_type' });
    await expect(
      storage.put(Buffer.from('<html>not a pdf</html>'), { ...options, contentType: 'application/pdf' }),
    ).rejects.toMatchObject({ code: 'unsupported_media_type' });
  });

  it('keeps one copy of equal content, and removes it only with its last reference', async () => {
    const content = Buffer.from('%PDF-1.4\nsame bytes\n');
    const options = { organizationId, originalName: 'a.pdf', contentType: 'application/pdf', maxBytes: 1024 };
    const first = await storage.put(content, options);
    const second = await storage.put(content, { ...options, originalName: 'b.pdf' });
    expect(second.id).not.toBe(first.id);
    expect(second.sha256).toBe(first.sha256);
    const blob = path.join(dataDir, 'files', first.sha256.slice(0, 2), first.sha256);
    await storage.delete(organizationId, first.id);
    expect(existsSync(blob)).toBe(true);
    await expect(storage.get(organizationId, first.id)).rejects.toMatchObject({ code: 'not_found' });
    await storage.delete(organizationId, second.id);
    expect(existsSync(blob)).toBe(false);
  });

  it('answers 404 for another organisation’s file', async () => {
    const file = await storage.put(Buffer.from('private'), {
      organizationId,
      originalName: 'note.txt',
      contentType: 'text/plain',
      maxBytes: 1024,
    });
    await expect(storage.get(randomUUID(), file.id)).rejects.toMatchObject({ code: 'not_found', status: 404 });
    await expect(storage.delete(randomUUID(), file.id)).rejects.toMatchObject({ code: 'not_found' });
    expect((await storage.get(organizationId, file.id)).file.id).toBe(file.id);
  });
});
