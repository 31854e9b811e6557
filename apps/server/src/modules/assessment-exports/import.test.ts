import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../schema.js';
import { call, createTestApp, type Session } from '../../test/app.js';
import { createOrgWithOwner, userWithRole } from '../../test/factories.js';
import { requirementAssessments } from '../assessments/tables.js';
import { cellText } from './import/cell-text.js';
import {
  assess,
  createAssessment,
  createControl,
  createEvidence,
  createFramework,
  isoLikeFramework,
  lockAssessment,
  multipartFile,
  requirementState,
} from './testing.js';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const missing = '00000000-0000-4000-8000-000000000000';
type ImportOptions = { dryRun?: boolean; overwrite?: boolean };
const importUrl = (id: string, options: ImportOptions = {}) => {
  const query = new URLSearchParams();
  if (options.dryRun) query.set('dryRun', 'true');
  if (options.overwrite) query.set('overwrite', 'true');
  return `/api/v1/compliance-assessments/${id}/import${query.size > 0 ? `?${query}` : ''}`;
};
/** Seeding another assessment from a file replaces that assessment's own rows: their stamps differ by nature. */
const seed: ImportOptions = { overwrite: true };

async function arrange() {
  const org = await createOrgWithOwner(t.app, t.database);
  const ids = { organizationId: org.organization.id, folderId: org.rootFolderId };
  const framework = await createFramework(
    t.database,
    ids.organizationId,
    ids.folderId,
    isoLikeFramework(3, 2, { minScore: 0, maxScore: 5 }),
  );
  const source = await createAssessment(t.database, { ...ids, frameworkId: framework.id, name: 'Source' });
  const target = await createAssessment(t.database, { ...ids, frameworkId: framework.id, name: 'Target' });
  const policy = await createControl(t.database, { ...ids, refId: 'CTL-1', name: 'Access policy' });
  const mfa = await createControl(t.database, { ...ids, refId: null, name: 'MFA everywhere', status: 'to_do' });
  const proof = await createEvidence(t.database, { ...ids, name: 'Signed policy.pdf' });
  const logs = await createEvidence(t.database, { ...ids, name: 'Login logs' });
  const state = await requirementState(t.database, source);
  await assess(t.database, state[0]?.id ?? '', {
    status: 'done',
    result: 'compliant',
    score: 4,
    observation: 'Policy approved.\nReviewed yearly.',
    controlIds: [policy.id, mfa.id],
    evidenceIds: [proof.id, logs.id],
  });
  await assess(t.database, state[1]?.id ?? '', { status: 'done', result: 'not_applicable', observation: '=No dev' });
  await assess(t.database, state[4]?.id ?? '', {
    status: 'in_review',
    result: 'partially_compliant',
    controlIds: [mfa.id],
  });
  return { ...org, ...ids, framework, source, target, policy, mfa, proof, logs };
}

const exportOf = async (session: Session, id: string, format: 'xlsx' | 'csv') => {
  const response = await call(t.app, session, {
    method: 'GET',
    url: `/api/v1/compliance-assessments/${id}/exports/${format}`,
  });
  expect(response.statusCode).toBe(200);
  return response.rawPayload;
};
const upload = (
  session: Session | null,
  id: string,
  name: string,
  content: Buffer | string,
  options: ImportOptions = {},
) => {
  const body = multipartFile(name, content);
  return session
    ? call(t.app, session, { method: 'POST', url: importUrl(id, options), ...body })
    : t.app.inject({ method: 'POST', url: importUrl(id, options), ...body });
};
/** What a round trip must keep: values and links, not ids or versions. */
const comparable = (rows: Awaited<ReturnType<typeof requirementState>>) =>
  rows.map(({ refId, status, result, score, observation, controlIds, evidenceIds }) => ({
    refId,
    status,
    result,
    score,
    observation,
    controlIds,
    evidenceIds,
  }));

async function editWorkbook(data: Buffer, edit: (sheet: ExcelJS.Worksheet) => void) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  edit(workbook.getWorksheet('Requirements') as ExcelJS.Worksheet);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
const rowOfRef = (sheet: ExcelJS.Worksheet, refId: string) => {
  for (let r = 2; r <= sheet.rowCount; r++) if (cellText(sheet.getCell(r, 2).value) === refId) return r;
  throw new Error(`no row ${refId}`);
};

describe('assessment import', () => {
  it('XLSX round trip: export, import into a fresh assessment of the framework, results and links kept', async () => {
    const { session, source, target, organizationId } = await arrange();
    const file = await exportOf(session, source, 'xlsx');
    // Another assessment's file: every row it changes was stamped elsewhere, so it needs overwrite.
    const refused = await upload(session, target, 'source.xlsx', file, { dryRun: true });
    expect(refused.statusCode, refused.body).toBe(409);
    const dry = await upload(session, target, 'source.xlsx', file, { ...seed, dryRun: true });
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({
      dryRun: true,
      format: 'xlsx',
      rowsRead: 8,
      changed: 3,
      unchanged: 3,
      headings: 2,
    });
    expect(dry.json().changes[0]).toMatchObject({
      refId: 'A.5.1',
      row: 3,
      fields: {
        status: { from: 'to_do', to: 'done' },
        result: { from: 'not_assessed', to: 'compliant' },
        score: { from: null, to: 4 },
      },
      controlsAdded: ['CTL-1', 'MFA everywhere'],
      evidenceAdded: ['Login logs', 'Signed policy.pdf'],
    });
    // A dry run changes nothing.
    expect(comparable(await requirementState(t.database, target)).every((r) => r.result === 'not_assessed')).toBe(true);

    const applied = await upload(session, target, 'source.xlsx', file, seed);
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.json()).toMatchObject({ dryRun: false, changed: 3 });
    expect(comparable(await requirementState(t.database, target))).toEqual(
      comparable(await requirementState(t.database, source)),
    );
    const [event] = await t.database.db.select().from(auditEvents).where(eq(auditEvents.objectId, target));
    expect(event).toMatchObject({
      action: 'compliance_assessment.imported',
      organizationId,
      changes: expect.objectContaining({ changed: 3 }),
    });
    // The same file again: nothing left to change.
    const again = await upload(session, target, 'source.xlsx', file);
    expect(again.json()).toMatchObject({ changed: 0, unchanged: 6 });
  });

  it('CSV round trip, including an observation that looks like a formula', async () => {
    const { session, source, target } = await arrange();
    const file = await exportOf(session, source, 'csv');
    const applied = await upload(session, target, 'source.csv', file, seed);
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.json()).toMatchObject({ format: 'csv', changed: 3 });
    const rows = await requirementState(t.database, target);
    expect(rows[1]?.observation).toBe('=No dev');
    expect(comparable(rows)).toEqual(comparable(await requirementState(t.database, source)));
  });

  it('edits in Excel apply; links matched by ref id or name; inferred drops; columns left out are kept', async () => {
    const { session, source, policy } = await arrange();
    await assess(t.database, (await requirementState(t.database, source))[2]?.id ?? '', {
      inferred: true,
      result: 'compliant',
    });
    const file = await editWorkbook(await exportOf(session, source, 'xlsx'), (sheet) => {
      const r = rowOfRef(sheet, 'A.5.3');
      sheet.getCell(r, 8).value = 'Partially compliant';
      sheet.getCell(r, 11).value = 'ctl-1';
      sheet.getCell(r, 12).value = 'Login logs; Signed policy.pdf';
      sheet.spliceColumns(9, 1); // no Score column at all: scores stay as they are
    });
    const response = await upload(session, source, 'edited.xlsx', file);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ changed: 1 });
    const row = (await requirementState(t.database, source))[2];
    expect(row).toMatchObject({ result: 'partially_compliant', inferred: false, controlIds: [policy.id] });
    expect(row?.evidenceIds).toHaveLength(2);
    expect((await requirementState(t.database, source))[0]?.score).toBe(4);
  });

  it('problems are located (sheet, row, column), all reported, and nothing changes', async () => {
    const { session, source } = await arrange();
    const before = await requirementState(t.database, source);
    const file = await editWorkbook(await exportOf(session, source, 'xlsx'), (sheet) => {
      sheet.getCell(rowOfRef(sheet, 'A.5.1'), 8).value = 'maybe';
      sheet.getCell(rowOfRef(sheet, 'A.5.2'), 9).value = 'high';
      sheet.getCell(rowOfRef(sheet, 'A.5.3'), 11).value = 'CTL-404';
      sheet.getCell(rowOfRef(sheet, 'A.6.1'), 12).value = 'Nobody’s evidence';
      sheet.getCell(rowOfRef(sheet, 'A.6'), 8).value = 'compliant';
      sheet.getCell(rowOfRef(sheet, 'A.6.2'), 7).value = 'done';
      sheet.getCell(rowOfRef(sheet, 'A.6.3'), 1).value = 'urn:elsewhere:x';
    });
    const response = await upload(session, source, 'broken.xlsx', file);
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const problem = response.json();
    expect(problem.code).toBe('validation_failed');
    expect(problem.errors).toEqual([
      {
        field: 'file.Requirements[3].Result',
        message: expect.stringMatching(/^Sheet "Requirements", row 3, column "Result": "maybe" is not a result/),
      },
      {
        field: 'file.Requirements[4].Score',
        message: expect.stringContaining('"high" is not a whole number from 0 to 5'),
      },
      {
        field: 'file.Requirements[5].Applied controls',
        message: expect.stringContaining('Unknown applied control "CTL-404"'),
      },
      { field: 'file.Requirements[6]', message: expect.stringContaining('heading') },
      { field: 'file.Requirements[7].Evidence', message: expect.stringContaining('Unknown evidence') },
      {
        field: 'file.Requirements[9].Requirement URN',
        message: expect.stringContaining('is not a requirement of this assessment'),
      },
    ]);
    // A.6.2's valid change was not applied either: all or nothing.
    expect(await requirementState(t.database, source)).toEqual(before);
  });

  it('a file that is not a readable export is a located 400', async () => {
    const { session, source } = await arrange();
    const noUrn = await upload(session, source, 'x.csv', 'Ref ID,Result\nA.5.1,compliant\n');
    expect(noUrn.statusCode).toBe(400);
    expect(noUrn.json().errors[0]).toMatchObject({
      field: 'file.csv[1]',
      message: expect.stringContaining('Requirement URN'),
    });
    const duplicate = await upload(
      session,
      source,
      'x.csv',
      'Requirement URN,Result\nurn:a,compliant\nurn:a,compliant\n',
    );
    expect(duplicate.json().errors).toContainEqual(
      expect.objectContaining({
        field: 'file.csv[3].Requirement URN',
        message: expect.stringContaining('already on row 2'),
      }),
    );
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100)]);
    expect((await upload(session, source, 'x.xlsx', zip)).json().errors[0].message).toContain('not a readable XLSX');
  });

  it('1,200 requirements: every export answers, and the XLSX round trip applies all rows', async () => {
    const { session, organizationId, folderId } = await arrange();
    const big = await createFramework(t.database, organizationId, folderId, isoLikeFramework(100, 12));
    const source = await createAssessment(t.database, { organizationId, folderId, frameworkId: big.id });
    const target = await createAssessment(t.database, { organizationId, folderId, frameworkId: big.id });
    await t.database.db
      .update(requirementAssessments)
      .set({ result: 'compliant', status: 'done', observation: 'Seen.' })
      .where(eq(requirementAssessments.assessmentId, source));
    for (const format of ['csv', 'oscal', 'soa.xlsx', 'soa.pdf']) {
      const response = await call(t.app, session, {
        method: 'GET',
        url: `/api/v1/compliance-assessments/${source}/exports/${format}`,
      });
      expect(response.statusCode, format).toBe(200);
    }
    const applied = await upload(session, target, 'big.xlsx', await exportOf(session, source, 'xlsx'), seed);
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.json()).toMatchObject({ changed: 1200, rowsRead: 1212 });
    const rows = await requirementState(t.database, target);
    expect(rows.filter((r) => r.result === 'compliant' && r.observation === 'Seen.' && r.version === 2)).toHaveLength(
      1200,
    );
  });

  it('409 on a locked assessment; 403 for a reader; 404 for another organisation; 401; 400; 415', async () => {
    const { session, source, target, organization, rootFolderId } = await arrange();
    const file = await exportOf(session, source, 'csv');
    await lockAssessment(t.database, target);
    const locked = await upload(session, target, 'a.csv', file);
    expect(locked.statusCode).toBe(409);
    expect((await upload(session, target, 'a.csv', file, { dryRun: true })).statusCode).toBe(409);

    const reader = await userWithRole(t.app, t.database, {
      organizationId: organization.id,
      folderId: rootFolderId,
      role: 'reader',
    });
    expect((await upload(reader.session, source, 'a.csv', file)).statusCode).toBe(403);
    const stranger = await createOrgWithOwner(t.app, t.database);
    expect((await upload(stranger.session, source, 'a.csv', file)).statusCode).toBe(404);
    expect((await upload(session, missing, 'a.csv', file)).statusCode).toBe(404);
    expect((await upload(null, source, 'a.csv', file)).statusCode).toBe(401);
    expect((await upload(session, 'not-a-uuid', 'a.csv', file)).statusCode).toBe(400);
    expect((await upload(session, source, 'a.csv', '')).statusCode).toBe(400);
    const json = await call(t.app, session, { method: 'POST', url: importUrl(source), payload: { file: 'x' } });
    expect(json.statusCode).toBe(415);
  });
});
