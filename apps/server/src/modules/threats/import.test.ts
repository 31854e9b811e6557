import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp } from '../../test/app.js';
import { createOrgWithOwner, userWithRole } from '../../test/factories.js';
import { multipartFile } from './testing.js';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const library = `urn: urn:test:risk:library:threats
locale: en
ref_id: THREATS
name: Test threats
version: 1
provider: Test provider
objects:
  threats:
    - urn: urn:test:risk:threat:t-1
      ref_id: 1.1
      name: Stolen badge
      description: A badge is lost or stolen.
      translations:
        fr:
          name: Badge volé
          description: null
    - urn: urn:test:risk:threat:t-2
      ref_id: T.2
      name: Tailgating
`;

const importUrl = (folderId: string) => `/api/v1/threats/import?folderId=${folderId}`;

describe('POST /threats/import', () => {
  it('imports the threats of a CISO Assistant library, idempotently by URN', async () => {
    const { session, rootFolderId } = await createOrgWithOwner(t.app, t.database);
    const first = await call(t.app, session, {
      method: 'POST',
      url: importUrl(rootFolderId),
      ...multipartFile('t.yaml', library),
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
    const again = await call(t.app, session, {
      method: 'POST',
      url: importUrl(rootFolderId),
      ...multipartFile('t.yaml', library),
    });
    expect(again.json()).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    const list = await call(t.app, session, { method: 'GET', url: '/api/v1/threats?source=organization&sort=refId' });
    expect(list.json().items).toMatchObject([
      {
        urn: 'urn:test:risk:threat:t-1',
        refId: '1.1',
        name: 'Stolen badge',
        provider: 'Test provider',
        translations: { fr: { name: 'Badge volé' } },
        version: 1,
      },
      { urn: 'urn:test:risk:threat:t-2', refId: 'T.2', name: 'Tailgating', description: null },
    ]);
    const changed = library.replace('name: Tailgating', 'name: Tailgating at the door');
    const third = await call(t.app, session, {
      method: 'POST',
      url: importUrl(rootFolderId),
      ...multipartFile('t.yaml', changed),
    });
    expect(third.json()).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
  });

  it('locates problems by YAML path and line and writes nothing', async () => {
    const { session, rootFolderId } = await createOrgWithOwner(t.app, t.database);
    const broken = library
      .replace('    - urn: urn:test:risk:threat:t-2\n', '    - urn: urn:test:risk:threat:t-1\n')
      .replace('name: Tailgating', `name: ${'x'.repeat(301)}`);
    const res = await call(t.app, session, {
      method: 'POST',
      url: importUrl(rootFolderId),
      ...multipartFile('bad.yaml', broken),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      { field: 'file.objects.threats[1].name', message: expect.stringMatching(/^bad\.yaml line 19: Too long/) },
    ]);
    const dup = library.replace('    - urn: urn:test:risk:threat:t-2\n', '    - urn: urn:test:risk:threat:t-1\n');
    const dupRes = await call(t.app, session, {
      method: 'POST',
      url: importUrl(rootFolderId),
      ...multipartFile('dup.yaml', dup),
    });
    expect(dupRes.json().errors).toEqual([
      { field: 'file.objects.threats[1].urn', message: expect.stringContaining('line 17: Duplicate URN') },
    ]);
    const syntax = await call(t.app, session, {
      method: 'POST',
      url: importUrl(rootFolderId),
      ...multipartFile('s.yaml', 'objects: [unclosed\n'),
    });
    expect(syntax.statusCode).toBe(400);
    expect(syntax.json().errors[0].message).toContain('Invalid YAML');
    const none = await call(t.app, session, {
      method: 'POST',
      url: importUrl(rootFolderId),
      ...multipartFile('n.yaml', 'urn: x\nobjects:\n  framework: {}\n'),
    });
    expect(none.json().errors).toEqual([
      { field: 'file.objects', message: expect.stringContaining('line 2: The library holds no threats') },
    ]);
    const list = await call(t.app, session, { method: 'GET', url: '/api/v1/threats?source=organization' });
    expect(list.json().items).toEqual([]);
  });

  it('answers 401, 400, 403 and 404 like every endpoint', async () => {
    const { session, rootFolderId, organization } = await createOrgWithOwner(t.app, t.database);
    const other = await createOrgWithOwner(t.app, t.database);
    const reader = await userWithRole(t.app, t.database, {
      organizationId: organization.id,
      folderId: rootFolderId,
      role: 'reader',
    });
    const body = () => multipartFile('t.yaml', library);
    expect((await call(t.app, null, { method: 'POST', url: importUrl(rootFolderId), ...body() })).statusCode).toBe(401);
    expect(
      (await call(t.app, session, { method: 'POST', url: '/api/v1/threats/import?folderId=nope', ...body() }))
        .statusCode,
    ).toBe(400);
    const json = await call(t.app, session, { method: 'POST', url: importUrl(rootFolderId), payload: { file: 'x' } });
    expect(json.statusCode).toBe(415);
    expect(
      (await call(t.app, reader.session, { method: 'POST', url: importUrl(rootFolderId), ...body() })).statusCode,
    ).toBe(403);
    expect(
      (await call(t.app, other.session, { method: 'POST', url: importUrl(rootFolderId), ...body() })).statusCode,
    ).toBe(404);
  });
});
