import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp } from '../../test/app.js';
import { createOrgWithOwner, userWithRole } from '../../test/factories.js';
import { arrangeAssessed, rowValues, workbookOf } from './export-fixtures.js';
import { cellText } from './import/cell-text.js';
import { assess, createEvidence, requirementState } from './testing.js';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const formats = ['xlsx', 'csv', 'oscal', 'soa.xlsx', 'soa.pdf'] as const;
const url = (id: string, format: string) => `/api/v1/compliance-assessments/${id}/exports/${format}`;
const missing = '00000000-0000-4000-8000-000000000000';
/** The stamp the files carry for a row the fixtures set from a JS Date (milliseconds; Postgres keeps microseconds). */
const stampOf = (date: Date | undefined) => (date ? date.toISOString().replace('Z', '000Z') : 'no date');

describe('assessment exports: access', () => {
  it('401 without credentials, 400 for a bad id, 404 for a missing or foreign assessment', async () => {
    const mine = await arrangeAssessed(t);
    const theirs = await createOrgWithOwner(t.app, t.database);
    for (const format of formats) {
      expect((await t.app.inject({ method: 'GET', url: url(mine.assessmentId, format) })).statusCode).toBe(401);
      expect((await call(t.app, mine.session, { method: 'GET', url: url('nope', format) })).statusCode).toBe(400);
      expect((await call(t.app, mine.session, { method: 'GET', url: url(missing, format) })).statusCode).toBe(404);
      const foreign = await call(t.app, theirs.session, { method: 'GET', url: url(mine.assessmentId, format) });
      expect(foreign.statusCode, format).toBe(404);
      expect(foreign.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('a reader of the folder may export; a member without a role gets 404', async () => {
    const { organization, rootFolderId, assessmentId, session } = await arrangeAssessed(t);
    const reader = await userWithRole(t.app, t.database, {
      organizationId: organization.id,
      folderId: rootFolderId,
      role: 'reader',
    });
    const response = await call(t.app, reader.session, { method: 'GET', url: url(assessmentId, 'csv') });
    expect(response.statusCode, response.body).toBe(200);
    const child = await call(t.app, session, {
      method: 'POST',
      url: '/api/v1/folders',
      payload: { parentId: rootFolderId, name: 'Elsewhere' },
    });
    const outsider = await userWithRole(t.app, t.database, {
      organizationId: organization.id,
      folderId: child.json().id,
      role: 'manager',
    });
    expect((await call(t.app, outsider.session, { method: 'GET', url: url(assessmentId, 'csv') })).statusCode).toBe(
      404,
    );
  });
});

describe('assessment exports: files', () => {
  it('XLSX: metadata sheet, styled frozen header, validations, one row per requirement in tree order', async () => {
    const { session, assessmentId, framework } = await arrangeAssessed(t);
    const response = await call(t.app, session, { method: 'GET', url: url(assessmentId, 'xlsx') });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="ISO-27001-Annual-review-2026\.xlsx"; filename\*=UTF-8''/,
    );
    const state = await requirementState(t.database, assessmentId);
    const workbook = await workbookOf(response.rawPayload);
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(['Assessment', 'Requirements']);
    const info = workbook.getWorksheet('Assessment') as ExcelJS.Worksheet;
    const facts = new Map<string, string>();
    info.eachRow((row) => facts.set(cellText(row.getCell(1).value), cellText(row.getCell(2).value)));
    expect(facts.get('Framework URN')).toBe(framework.urn);
    expect(facts.get('Framework version')).toBe('2022');
    expect(facts.get('Status')).toBe('planned');
    expect(facts.get('Requirements in scope')).toBe('6');
    expect(facts.get('Compliant')).toBe('1');
    // 1 compliant of 5 applicable.
    expect(facts.get('Compliance (% of applicable)')).toBe('20');

    const sheet = workbook.getWorksheet('Requirements') as ExcelJS.Worksheet;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.getColumn(3).width).toBeGreaterThan(20);
    expect(rowValues(sheet, 1)).toEqual([
      'Requirement URN',
      'Ref ID',
      'Name',
      'Depth',
      'Parent ref ID',
      'Assessable',
      'Status',
      'Result',
      'Score',
      'Observation',
      'Applied controls',
      'Evidence',
      'Inferred',
      'Updated at',
    ]);
    expect(sheet.rowCount).toBe(1 + 8);
    expect([2, 3, 4, 5, 6, 7, 8, 9].map((n) => cellText(sheet.getCell(n, 2).value))).toEqual([
      'A.5',
      'A.5.1',
      'A.5.2',
      'A.5.3',
      'A.6',
      'A.6.1',
      'A.6.2',
      'A.6.3',
    ]);
    expect(rowValues(sheet, 2).slice(3, 8)).toEqual(['0', '', 'no', '', '']);
    expect(rowValues(sheet, 3)).toEqual([
      `${framework.urn}:a.5.1`,
      'A.5.1',
      'Control 5.1 — policies for “information security”',
      '1',
      'A.5',
      'yes',
      'done',
      'compliant',
      '4',
      'Policy approved by the board.',
      'CTL-1 — Access policy',
      'Signed policy.pdf',
      'no',
      stampOf(state[0]?.updatedAt),
    ]);
    expect(rowValues(sheet, 2)[13] ?? '').toBe('');
    expect(rowValues(sheet, 5).slice(6, 8)).toEqual(['in_progress', 'non_compliant']);
    expect(rowValues(sheet, 5)[12]).toBe('yes');
    expect(sheet.getCell(3, 8).dataValidation).toMatchObject({
      type: 'list',
      formulae: [expect.stringContaining('partially_compliant')],
    });
    expect(sheet.getCell(9, 7).dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"to_do,in_progress,in_review,done"'],
    });
  });

  it('CSV: the same columns and rows, BOM, formula-like cells defused', async () => {
    const { session, assessmentId, organizationId, folderId } = await arrangeAssessed(t);
    const state = await requirementState(t.database, assessmentId);
    const evil = await createEvidence(t.database, { organizationId, folderId, name: '=HYPERLINK("x")' });
    await assess(t.database, state[3]?.id ?? '', { evidenceIds: [evil.id] });
    const response = await call(t.app, session, { method: 'GET', url: url(assessmentId, 'csv') });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toContain('.csv"');
    expect(response.body.startsWith('\uFEFF')).toBe(true);
    const records = parse(response.body, { bom: true }) as string[][];
    expect(records).toHaveLength(9);
    expect(records[0]?.[0]).toBe('Requirement URN');
    expect(records[2]?.slice(6, 12)).toEqual([
      'done',
      'compliant',
      '4',
      'Policy approved by the board.',
      'CTL-1 — Access policy',
      'Signed policy.pdf',
    ]);
    expect(records.find((r) => r[1] === 'A.6.1')?.[11]).toBe(`'=HYPERLINK("x")`);
    expect(records[0]?.[13]).toBe('Updated at');
    expect(records[2]?.[13]).toBe(stampOf(state[0]?.updatedAt));
  });

  it('OSCAL assessment-results: the shape of the OSCAL example, one finding per assessed requirement', async () => {
    const { session, assessmentId } = await arrangeAssessed(t);
    const response = await call(t.app, session, { method: 'GET', url: url(assessmentId, 'oscal') });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/json');
    const document = JSON.parse(response.body);
    const ar = document['assessment-results'];
    const example = readExample();
    // The same top-level structure as NIST's example (local-definitions are optional and not written).
    for (const key of ['uuid', 'metadata', 'import-ap', 'results']) expect(ar).toHaveProperty(key);
    for (const key of ['title', 'last-modified', 'version', 'oscal-version']) expect(ar.metadata).toHaveProperty(key);
    expect(ar.metadata['oscal-version']).toBe(example.metadata['oscal-version']);
    expect(ar['import-ap'].href).toEqual(expect.any(String));
    expect(ar.results).toHaveLength(1);
    const result = ar.results[0];
    for (const key of ['uuid', 'title', 'description', 'start', 'reviewed-controls', 'findings']) {
      expect(result).toHaveProperty(key);
    }
    // Three requirements have a result other than not_assessed.
    expect(result.findings).toHaveLength(3);
    const exampleFinding = example.results[0].findings[0];
    for (const finding of result.findings) {
      for (const key of Object.keys(exampleFinding).filter(
        (k) => !k.startsWith('related-') && k !== 'implementation-statement-uuid',
      )) {
        expect(finding).toHaveProperty(key);
      }
      expect(finding.uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(['objective-id', 'statement-id']).toContain(finding.target.type);
      expect(['satisfied', 'not-satisfied']).toContain(finding.target.status.state);
    }
    const byTarget = new Map(
      result.findings.map((f: { target: { 'target-id': string } }) => [f.target['target-id'], f]),
    );
    expect([...byTarget.keys()]).toEqual(['a.5.1', 'a.5.2', 'a.5.3']);
    expect(byTarget.get('a.5.1')).toMatchObject({
      target: { status: { state: 'satisfied' } },
      props: expect.arrayContaining([expect.objectContaining({ name: 'result', value: 'compliant' })]),
    });
    expect(byTarget.get('a.5.3')).toMatchObject({ target: { status: { state: 'not-satisfied' } } });
    // Observation texts become observations, linked from their finding.
    const observations = new Map(result.observations.map((o: { uuid: string }) => [o.uuid, o]));
    const linked = (byTarget.get('a.5.1') as { 'related-observations': { 'observation-uuid': string }[] })[
      'related-observations'
    ][0]?.['observation-uuid'];
    expect(observations.get(linked ?? '')).toMatchObject({
      description: 'Policy approved by the board.',
      methods: ['EXAMINE'],
      'relevant-evidence': [{ description: 'Signed policy.pdf' }],
    });
    // Stable ids: the same assessment exports the same finding ids.
    const again = JSON.parse((await call(t.app, session, { method: 'GET', url: url(assessmentId, 'oscal') })).body);
    expect(again['assessment-results'].results[0].findings[0].uuid).toBe(result.findings[0].uuid);
  });
});

function readExample() {
  const file = path.resolve(
    import.meta.dirname,
    '../../../../../../shared/data/oscal/ifa_assessment-results-example.json',
  );
  if (!existsSync(file)) {
    // The shared data is not in every checkout: fall back to the keys the example is known to have.
    return {
      metadata: { 'oscal-version': '1.1.2' },
      results: [{ findings: [{ uuid: '', title: '', description: '', target: {} }] }],
    };
  }
  return JSON.parse(readFileSync(file, 'utf8'))['assessment-results'];
}
