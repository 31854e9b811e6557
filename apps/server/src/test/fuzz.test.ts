import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type Session } from './app.js';
import { createOrgWithOwner, userWithRole } from './factories.js';

/**
 * Robustness of the whole API, generated from its own OpenAPI document: every operation gets malformed JSON,
 * wrong types for each body property, huge and NUL-laden strings, unknown fields, bad path ids, garbage query
 * parameters, empty, oversized and mistyped bodies — as a signed-in owner, so requests get past 401 — and no
 * answer may be a 5xx. Deterministic: every random choice comes from one seeded generator.
 */

type Schema = {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  minimum?: number;
  minLength?: number;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  $ref?: string;
  default?: unknown;
};
interface Parameter {
  in: 'path' | 'query' | 'header' | 'cookie';
  name: string;
  schema?: Schema;
}
interface Operation {
  operationId?: string;
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}
interface Case {
  name: string;
  url: string;
  payload?: string;
  contentType?: string;
}

/** mulberry32: small, fast and the same sequence on every run. */
function seeded(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pickN = <T>(values: readonly T[], n: number) =>
    [...values].sort(() => next() - 0.5).slice(0, Math.min(n, values.length));
  const uuid = () => 'xxxxxxxx-xxxx-4xxx-8xxx-xxxxxxxxxxxx'.replace(/x/g, () => Math.floor(next() * 16).toString(16));
  return { next, pickN, uuid };
}

const HUGE = 'x'.repeat(100_000);
const deepJson = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

/** Values of every JSON type and the usual troublemakers; each property gets several of them. */
const wrongValues: unknown[] = [
  123,
  -1,
  1e308,
  0.5,
  true,
  null,
  'text',
  '',
  [],
  {},
  [1, 'two'],
  { nested: { deeper: [null] } },
  HUGE,
  'nul\u0000byte',
  '\ud800 lone surrogate',
  "' or '1'='1",
  '../../etc/passwd',
  '2024-13-45T99:99:99Z',
  '00000000-0000-0000-0000-000000000000',
];
const garbageQueryValues = [
  'abc',
  '-1',
  '0',
  '1e999',
  '99999999999999999999',
  '',
  'x'.repeat(5_000),
  '%00',
  'a%00b',
  '%E0%A4%A',
  'true',
  '[object Object]',
  "'%20or%201=1--",
  'ZZZZ',
  '-',
];
const badPathValues = [
  'not-a-uuid',
  '00000000-0000-0000-0000-00000000000g',
  "1'%20or%20'1'='1",
  'x'.repeat(3_000),
  '%00',
  '%E0%A4%A',
  '..%2F..%2Fsetup',
  '-1',
  '0',
];

function fuzzCases(path: string, method: string, op: Operation, ids: Record<string, string>, seed: number): Case[] {
  const rnd = seeded(seed);
  const resolve = (schema: Schema | undefined): Schema => schema ?? {};
  const sample = (schema: Schema | undefined, name = ''): unknown => {
    const s = resolve(schema);
    if (s.const !== undefined) return s.const;
    if (s.enum?.length) return s.enum[0];
    const variant = s.anyOf?.[0] ?? s.oneOf?.[0] ?? s.allOf?.[0];
    if (variant) return sample(variant, name);
    const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
    if (type === 'object' || s.properties) {
      return Object.fromEntries(Object.entries(s.properties ?? {}).map(([key, value]) => [key, sample(value, key)]));
    }
    if (type === 'array') return [sample(s.items, name)];
    if (type === 'integer' || type === 'number') return s.minimum ?? 1;
    if (type === 'boolean') return false;
    if (s.format === 'uuid') return ids[name] ?? rnd.uuid();
    if (s.format === 'email') return `fuzz-${Math.floor(rnd.next() * 1e9)}@example.test`;
    if (s.format === 'date-time') return '2025-01-01T00:00:00Z';
    return 'x'.repeat(Math.max(1, s.minLength ?? 1));
  };

  const params = op.parameters ?? [];
  const pathParams = params.filter((p) => p.in === 'path');
  const queryParams = params.filter((p) => p.in === 'query');
  const fill = (values: Record<string, string> = {}) =>
    path.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? rnd.uuid());
  const baseUrl = fill();
  const cases: Case[] = [{ name: 'baseline', url: baseUrl }];

  for (const p of pathParams) {
    for (const value of badPathValues)
      cases.push({ name: `path ${p.name}=${value.slice(0, 20)}`, url: fill({ [p.name]: value }) });
  }
  for (const p of queryParams) {
    for (const value of rnd.pickN(garbageQueryValues, 5)) {
      cases.push({ name: `query ${p.name}=${value.slice(0, 20)}`, url: `${baseUrl}?${p.name}=${value}` });
    }
    if (p.name === 'cursor') {
      // Well-formed base64url JSON, but not a cursor the API issued: the sort value and id are forged.
      for (const forged of [
        { v: 'x', id: 'not-a-uuid' },
        { v: { $gt: 1 }, id: rnd.uuid() },
        { v: 1e308, id: '1' },
      ]) {
        const token = Buffer.from(JSON.stringify(forged)).toString('base64url');
        cases.push({ name: `query cursor=${JSON.stringify(forged)}`, url: `${baseUrl}?cursor=${token}` });
      }
    }
    cases.push({ name: `query ${p.name} twice`, url: `${baseUrl}?${p.name}=a&${p.name}=b` });
    cases.push({ name: `query ${p.name}[x]`, url: `${baseUrl}?${p.name}[x]=1&${p.name}[y][z]=2` });
  }
  cases.push({ name: 'unknown query', url: `${baseUrl}?__proto__=x&constructor[prototype][a]=1&zzz=1` });
  cases.push({ name: 'garbage query', url: `${baseUrl}?&&&==&%%%&=%&a=%ZZ` });

  if (method === 'get') return cases;
  const bodySchema = resolve(op.requestBody?.content?.['application/json']?.schema);
  const baseline = op.requestBody ? (sample(bodySchema) as Record<string, unknown>) : {};
  const json = (value: unknown) => JSON.stringify(value);
  const body = (name: string, payload: string, contentType = 'application/json') =>
    cases.push({ name, url: baseUrl, payload, contentType });

  body('valid-looking body', json(baseline));
  for (const raw of ['{"a":', '{', 'nul', '{"a":1}}', '\u0000', '{"a":1,}', "{'a':1}", '\ufeff{}'])
    body(`malformed ${raw}`, raw);
  body('empty body', '');
  for (const raw of ['null', '[]', '"s"', '123', 'true', deepJson(5_000)]) body(`non-object ${raw.slice(0, 10)}`, raw);
  body('__proto__', '{"__proto__":{"polluted":1}}');
  body('constructor.prototype', '{"constructor":{"prototype":{"polluted":1}}}');
  body('unknown field', json({ ...baseline, __fuzz: 1, 'a.b': { c: [] } }));
  body('oversized', json({ ...baseline, padding: 'x'.repeat(1024 * 1024 + 10) }));
  body('text/plain', 'hello', 'text/plain');
  body('form', 'a=b&c=d', 'application/x-www-form-urlencoded');
  body('multipart without boundary', '--x\r\n\r\n', 'multipart/form-data');
  body('xml', '<a/>', 'application/xml');
  body('json with odd charset', json(baseline), 'application/json; charset=utf-16');

  for (const [property, schema] of Object.entries(bodySchema.properties ?? {})) {
    const values = [...rnd.pickN(wrongValues, 5), HUGE, 'nul\u0000byte'];
    for (const value of values) {
      body(`${property}=${json(value).slice(0, 24)}`, json({ ...baseline, [property]: value }));
    }
    const nested = resolve(schema);
    if (nested.properties || nested.items)
      body(`${property} deep`, json({ ...baseline, [property]: JSON.parse(deepJson(200)) }));
  }
  return cases;
}

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('API fuzzing from the OpenAPI document', () => {
  it('documents the problem+json error response on every operation', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, unknown> }> }>>;
    };
    const operations = Object.entries(spec.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ name: `${method} ${path}`, op })),
    );
    expect(operations.length).toBeGreaterThan(10);
    const undocumented = operations.filter(({ op }) => !op.responses?.default?.content?.['application/problem+json']);
    expect(undocumented.map((o) => o.name)).toEqual([]);
    // The success responses are still there beside it.
    expect(spec.paths['/api/v1/audit-events']?.get?.responses?.['200']).toBeDefined();
  });

  it('answers every malformed request with a 4xx (or a 2xx), never a 5xx', async () => {
    const { session: first, owner, rootFolderId, organization } = await createOrgWithOwner(t.app, t.database);
    const organizationId = organization.id;
    let session: Session = first;
    const signedIn = async (s: Session) =>
      (await call(t.app, s, { method: 'GET', url: '/api/v1/auth/me' })).statusCode === 200;
    const ids = { parentId: rootFolderId, folderId: rootFolderId, userId: owner.id, organizationId };
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, Operation>>;
    };

    const failures: string[] = [];
    const unrouted: string[] = [];
    const statuses: Record<number, number> = {};
    let sent = 0;
    let seed = 20_250_101;
    for (const [path, operations] of Object.entries(spec.paths)) {
      for (const [method, op] of Object.entries(operations)) {
        for (const c of fuzzCases(path, method, op, ids, seed++)) {
          const options: InjectOptions = {
            method: method.toUpperCase() as InjectOptions['method'],
            url: c.url,
            // A documentation address: keeps the fuzzer's failed logins from throttling the owner's sign-in.
            remoteAddress: '192.0.2.10',
            ...(c.payload !== undefined
              ? { payload: c.payload, headers: c.contentType ? { 'content-type': c.contentType } : {} }
              : {}),
          };
          let response = await call(t.app, session, options);
          sent++;
          if (response.statusCode === 401 && !(await signedIn(session))) {
            // A case signed the owner out (logout is an operation too). Their account may be locked by the wrong
            // passwords sent meanwhile, so carry on as a new owner of the same organisation.
            session = (await userWithRole(t.app, t.database, { organizationId, folderId: rootFolderId, role: 'owner' }))
              .session;
            response = await call(t.app, session, options);
          }
          statuses[response.statusCode] = (statuses[response.statusCode] ?? 0) + 1;
          if (c.name === 'baseline' && response.body.includes('No route for')) unrouted.push(`${method} ${path}`);
          if (response.statusCode >= 500) {
            failures.push(
              `${method.toUpperCase()} ${path} [${op.operationId}] ${c.name}: ${response.statusCode} ${response.body.slice(0, 200)}`,
            );
          }
        }
      }
    }
    expect(Object.keys(spec.paths).length).toBeGreaterThan(10);
    expect(sent).toBeGreaterThan(500);
    // The cases reached the handlers: every documented path routes, and almost nothing stopped at sign-in.
    expect(unrouted).toEqual([]);
    expect(statuses[401] ?? 0).toBeLessThan(sent * 0.05);
    expect(statuses[400]).toBeGreaterThan(sent / 2);
    expect(failures).toEqual([]);
    // Thousands of requests, growing with every route: minutes on a loaded two-core machine.
  }, 600_000);
});
