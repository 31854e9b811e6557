import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type Session } from '../../test/app.js';
import { createOrgWithOwner } from '../../test/factories.js';
import { requirementAssessments } from '../assessments/tables.js';
import { cellText } from './import/cell-text.js';
import { createAssessment, createFramework, isoLikeFramework, multipartFile, requirementState } from './testing.js';

/** The import must agree with the API on scores and must not silently undo edits made after the export. */
let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function arrange(scale: { minScore: number; maxScore: number } | null = { minScore: 0, maxScore: 5 }) {
  const org = await createOrgWithOwner(t.app, t.database);
  const ids = { organizationId: org.organization.id, folderId: org.rootFolderId };
  const framework = await createFramework(t.database, ids.organizationId, ids.folderId, isoLikeFramework(3, 2, scale));
  const assessmentId = await createAssessment(t.database, { ...ids, frameworkId: framework.id });
  return { session: org.session, assessmentId };
}

const exportOf = async (session: Session, id: string, format: 'xlsx' | 'csv') => {
  const response = await call(t.app, session, {
    method: 'GET',
    url: `/api/v1/compliance-assessments/${id}/exports/${format}`,
  });
  expect(response.statusCode).toBe(200);
  return response.rawPayload;
};
const upload = (session: Session, id: string, content: Buffer | string, query = '') =>
  call(t.app, session, {
    method: 'POST',
    url: `/api/v1/compliance-assessments/${id}/import${query}`,
    ...multipartFile('file.xlsx', content),
  });

async function editWorkbook(data: Buffer, edit: (sheet: ExcelJS.Worksheet, rowOf: (ref: string) => number) => void) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('Requirements') as ExcelJS.Worksheet;
  const rowOf = (ref: string) => {
    for (let r = 2; r <= sheet.rowCount; r++) if (cellText(sheet.getCell(r, 2).value) === ref) return r;
    throw new Error(`no row ${ref}`);
  };
  edit(sheet, rowOf);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
const RESULT = 8;
const SCORE = 9;
const OBSERVATION = 10;

const patch = (session: Session, id: string, payload: Record<string, unknown>) =>
  call(t.app, session, { method: 'PATCH', url: `/api/v1/requirement-assessments/${id}`, payload });

describe('import: scores as the API takes them', () => {
  it('a framework without a scoring scale refuses a score (located 400), like the requirement PATCH', async () => {
    const { session, assessmentId } = await arrange(null);
    const [first] = await requirementState(t.database, assessmentId);
    const api = await patch(session, first?.id ?? '', { version: 1, score: 50 });
    expect(api.statusCode).toBe(400);
    const file = await editWorkbook(await exportOf(session, assessmentId, 'xlsx'), (sheet, rowOf) => {
      sheet.getCell(rowOf('A.5.1'), SCORE).value = 50;
    });
    const response = await upload(session, assessmentId, file);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().errors).toEqual([
      {
        field: 'file.Requirements[3].Score',
        message: expect.stringContaining('This framework has no scoring scale; leave the score empty'),
      },
    ]);
    expect((await requirementState(t.database, assessmentId))[0]?.score).toBeNull();
  });

  it('a stored score that is not counted (is_scored false) survives an import that changes another field', async () => {
    const { session, assessmentId } = await arrange();
    const [first] = await requirementState(t.database, assessmentId);
    await t.database.db
      .update(requirementAssessments)
      .set({ score: 3, isScored: false })
      .where(eq(requirementAssessments.id, first?.id ?? ''));
    const file = await editWorkbook(await exportOf(session, assessmentId, 'xlsx'), (sheet, rowOf) => {
      expect(cellText(sheet.getCell(rowOf('A.5.1'), SCORE).value)).toBe('');
      sheet.getCell(rowOf('A.5.1'), OBSERVATION).value = 'Reviewed.';
    });
    const response = await upload(session, assessmentId, file);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().changes[0].fields).toEqual({ observation: { from: null, to: 'Reviewed.' } });
    const [row] = await t.database.db
      .select()
      .from(requirementAssessments)
      .where(eq(requirementAssessments.id, first?.id ?? ''));
    expect(row).toMatchObject({ observation: 'Reviewed.', score: 3, isScored: false });
  });
});

describe('import: edits made after the export', () => {
  it('an old XLSX over a row changed since is a located 409 and changes nothing; overwrite=true applies it', async () => {
    const { session, assessmentId } = await arrange();
    const [first, second] = await requirementState(t.database, assessmentId);
    const old = await editWorkbook(await exportOf(session, assessmentId, 'xlsx'), (sheet, rowOf) => {
      sheet.getCell(rowOf('A.5.2'), RESULT).value = 'compliant';
    });
    const edited = await patch(session, first?.id ?? '', { version: 1, observation: 'Changed in Rampart.' });
    expect(edited.statusCode, edited.body).toBe(200);
    const before = await requirementState(t.database, assessmentId);

    for (const query of ['', '?dryRun=true']) {
      const refused = await upload(session, assessmentId, old, query);
      expect(refused.statusCode, refused.body).toBe(409);
      expect(refused.json()).toMatchObject({ code: 'conflict', detail: expect.stringContaining('overwrite=true') });
      expect(refused.json().errors).toEqual([
        {
          field: 'file.Requirements[3].Updated at',
          message: expect.stringMatching(/row 3, column "Updated at": Changed in Rampart at \d{4}-.*\.\d{6}Z, after/),
        },
      ]);
    }
    expect(await requirementState(t.database, assessmentId)).toEqual(before);

    const forced = await upload(session, assessmentId, old, '?overwrite=true');
    expect(forced.statusCode, forced.body).toBe(200);
    expect(forced.json()).toMatchObject({ changed: 2 });
    const after = await requirementState(t.database, assessmentId);
    expect(after[0]?.observation).toBeNull();
    expect(after[1]).toMatchObject({ id: second?.id, result: 'compliant' });
  });

  it('an old CSV conflicts too; a fresh export round-trips; a file without the column imports as before', async () => {
    const { session, assessmentId } = await arrange();
    const [first] = await requirementState(t.database, assessmentId);
    const oldCsv = (await exportOf(session, assessmentId, 'csv')).toString('utf8');
    const edited = await patch(session, first?.id ?? '', { version: 1, result: 'compliant', score: 4 });
    expect(edited.statusCode, edited.body).toBe(200);
    expect((await upload(session, assessmentId, oldCsv)).statusCode).toBe(409);

    // Exported after the change: the stamps match (microseconds included), so edits apply.
    const fresh = await editWorkbook(await exportOf(session, assessmentId, 'xlsx'), (sheet, rowOf) => {
      sheet.getCell(rowOf('A.5.1'), OBSERVATION).value = 'Checked.';
    });
    const applied = await upload(session, assessmentId, fresh);
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.json()).toMatchObject({ changed: 1, unchanged: 5 });
    const unchanged = await upload(session, assessmentId, await exportOf(session, assessmentId, 'csv'));
    expect(unchanged.json()).toMatchObject({ changed: 0, unchanged: 6 });

    // An older export (or a hand-made file) without "Updated at": not checked, applied as the file says.
    const lines = oldCsv.split('\n');
    const withoutStamp = lines.map((line) => line.replace(/,[^,]*$/, '')).join('\n');
    expect(withoutStamp).not.toContain('Updated at');
    const legacy = await upload(session, assessmentId, withoutStamp);
    expect(legacy.statusCode, legacy.body).toBe(200);
    expect((await requirementState(t.database, assessmentId))[0]).toMatchObject({
      result: 'not_assessed',
      score: null,
      observation: null,
    });
  });
});
