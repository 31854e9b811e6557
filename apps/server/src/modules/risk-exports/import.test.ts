import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../schema.js';
import { call, createTestApp, type Session } from '../../test/app.js';
import { createOrgWithOwner, userWithRole } from '../../test/factories.js';
import { riskScenarios } from '../risk-assessments/tables.js';
import { arrangeRegister, editWorkbook, rowWhere } from './fixtures.js';
import { createRiskAssessment, multipartFile, registerState, setAssessmentStatus } from './testing.js';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const missing = '00000000-0000-4000-8000-000000000000';
const importUrl = (id: string, dryRun = false) =>
  `/api/v1/risk-assessments/${id}/import${dryRun ? '?dryRun=true' : ''}`;
const exportOf = async (session: Session, id: string) => {
  const response = await call(t.app, session, { method: 'GET', url: `/api/v1/risk-assessments/${id}/export.xlsx` });
  expect(response.statusCode).toBe(200);
  return response.rawPayload;
};
const upload = (session: Session | null, id: string, content: Buffer | string, dryRun = false) => {
  const body = multipartFile('register.xlsx', content);
  return session
    ? call(t.app, session, { method: 'POST', url: importUrl(id, dryRun), ...body })
    : t.app.inject({ method: 'POST', url: importUrl(id, dryRun), ...body });
};
const versions = async (id: string) =>
  (await t.database.db.select().from(riskScenarios).where(eq(riskScenarios.riskAssessmentId, id)))
    .map((s) => s.version)
    .sort();
const importedEvents = (organizationId: string) =>
  t.database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.organizationId, organizationId), eq(auditEvents.action, 'risk_scenario.imported')));

describe('risk register import', () => {
  it('round trip into the same assessment changes nothing', async () => {
    const { session, assessment, organization } = await arrangeRegister(t);
    const before = await registerState(t.database, assessment.id);
    const file = await exportOf(session, assessment.id);
    const dry = await upload(session, assessment.id, file, true);
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ dryRun: true, create: 0, update: 0, unchanged: 3, errors: [] });
    const applied = await upload(session, assessment.id, file);
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.json()).toMatchObject({ dryRun: false, create: 0, update: 0, unchanged: 3, errors: [] });
    expect(await registerState(t.database, assessment.id)).toEqual(before);
    expect(await versions(assessment.id)).toEqual([1, 1, 1]);
    expect(await importedEvents(organization.id)).toHaveLength(0);
  });

  it('into a fresh assessment: the dry run writes nothing, the import recreates the register', async () => {
    const { session, assessment, ids, matrix, organization } = await arrangeRegister(t);
    const fresh = await createRiskAssessment(t.database, { ...ids, riskMatrixId: matrix.id, name: 'Fresh' });
    const file = await exportOf(session, assessment.id);
    const dry = await upload(session, fresh.id, file, true);
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ create: 3, update: 0, unchanged: 0, errors: [] });
    expect(dry.json().rows[0]).toMatchObject({ row: 2, action: 'create', scenarioId: null, refId: 'R-1' });
    expect(await registerState(t.database, fresh.id)).toEqual([]);
    expect(await importedEvents(organization.id)).toHaveLength(0);

    const applied = await upload(session, fresh.id, file);
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.json()).toMatchObject({ create: 3, update: 0, unchanged: 0 });
    expect(applied.json().rows.every((r: { scenarioId: string | null }) => r.scenarioId !== null)).toBe(true);
    expect(await registerState(t.database, fresh.id)).toEqual(await registerState(t.database, assessment.id));
    const events = await importedEvents(organization.id);
    expect(events).toHaveLength(3);
    expect(events[0]).toMatchObject({
      objectType: 'risk_scenario',
      changes: expect.objectContaining({ riskAssessmentId: fresh.id, result: 'created' }),
    });
    const again = await upload(session, fresh.id, await exportOf(session, fresh.id));
    expect(again.json()).toMatchObject({ create: 0, update: 0, unchanged: 3 });
  });

  it('edits apply: abbreviations and numbers for ratings, levels computed, new rows created, audit per row', async () => {
    const { session, assessment, owner, organization, controls } = await arrangeRegister(t);
    const file = await editWorkbook(await exportOf(session, assessment.id), (sheet) => {
      const r2 = rowWhere(sheet, 1, 'R-2');
      sheet.getCell(r2, 12).value = 'h';
      sheet.getCell(r2, 13).value = 3;
      sheet.getCell(r2, 19).value = owner.email.toUpperCase();
      sheet.getCell(r2, 22).value = 'ctl-1; MFA';
      const added = sheet.actualRowCount + 1;
      sheet.getCell(added, 1).value = 'R-9';
      sheet.getCell(added, 2).value = 'Flood in the server room';
      sheet.getCell(added, 9).value = 'Medium';
      sheet.getCell(added, 10).value = 'mi';
      sheet.getCell(added, 18).value = 'Transfer';
      sheet.spliceColumns(3, 1); // no description column: descriptions stay as they are
    });
    const response = await upload(session, assessment.id, file);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ create: 1, update: 1, unchanged: 2 });
    const updated = response.json().rows.find((r: { refId: string }) => r.refId === 'R-2');
    expect(updated.fields).toEqual(['current_probability', 'current_impact', 'owner', 'planned_controls']);
    const state = await registerState(t.database, assessment.id);
    expect(state.find((s) => s.refId === 'R-2')).toMatchObject({
      ratings: [-1, -1, -1, 2, 2, 2, -1, -1, -1],
      ownerId: owner.id,
      controls: [`planned:${controls.backups.id}`, `planned:${controls.mfa.id}`].sort(),
    });
    expect(state.find((s) => s.refId === 'R-9')).toMatchObject({
      name: 'Flood in the server room',
      ratings: [1, 0, 0, -1, -1, -1, -1, -1, -1],
      treatment: 'transfer',
    });
    expect(state.find((s) => s.refId === 'R-1')?.description).toBe('Encryption of the ERP database.');
    const events = await importedEvents(organization.id);
    expect(events).toHaveLength(2);
    // The event holds the three ratings whole, so the scenario's history can show what changed and from what.
    const r2 = events.find((e) => e.objectId === updated.scenarioId)?.changes as {
      ratings: { before: Record<string, unknown>; after: Record<string, unknown> };
    };
    expect(r2.ratings.after).toEqual({
      inherent: { probability: -1, impact: -1, level: -1 },
      current: { probability: 2, impact: 2, level: 2 },
      residual: { probability: -1, impact: -1, level: -1 },
    });
    expect(r2.ratings.before.current).not.toEqual(r2.ratings.after.current);
    const created = events.find((e) => (e.changes as { result: string }).result === 'created')?.changes;
    expect(created).toMatchObject({ ratings: { before: null, after: { inherent: { probability: 1, impact: 0 } } } });
  });

  it('problems are located by row and column; nothing is written; the dry run lists them', async () => {
    const { session, assessment } = await arrangeRegister(t);
    const before = await registerState(t.database, assessment.id);
    const file = await editWorkbook(await exportOf(session, assessment.id), (sheet) => {
      sheet.getCell(rowWhere(sheet, 1, 'R-1'), 9).value = 'Huge';
      sheet.getCell(rowWhere(sheet, 1, 'R-2'), 4).value = 'Phishing; T-404';
      sheet.getCell(rowWhere(sheet, 1, 'R-2'), 12).value = 'Low'; // valid, but the row fails: not applied
      sheet.getCell(rowWhere(sheet, 2, 'Lost laptop'), 2).value = '';
      sheet.getCell(rowWhere(sheet, 1, 'R-1'), 19).value = 'nobody@example.test';
    });
    const dry = await upload(session, assessment.id, file, true);
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json().errors).toEqual([
      { row: 2, column: 'inherent_probability', message: expect.stringContaining('"Huge" is not a probability') },
      { row: 2, column: 'owner', message: expect.stringContaining('nobody@example.test') },
      { row: 3, column: 'threats', message: 'Unknown threat "T-404"' },
      { row: 4, column: 'name', message: 'The name is empty' },
    ]);
    const response = await upload(session, assessment.id, file);
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const problem = response.json();
    expect(problem.code).toBe('validation_failed');
    expect(problem.errors.map((e: { field: string }) => e.field)).toEqual([
      'file.Scenarios[2].inherent_probability',
      'file.Scenarios[2].owner',
      'file.Scenarios[3].threats',
      'file.Scenarios[4].name',
    ]);
    expect(problem.errors[2].message).toBe('Row 3, column "threats": Unknown threat "T-404"');
    expect(await registerState(t.database, assessment.id)).toEqual(before);
    expect(await versions(assessment.id)).toEqual([1, 1, 1]);
  });

  it('files that are not a register are located 400s', async () => {
    const { session, assessment } = await arrangeRegister(t);
    const notXlsx = await upload(session, assessment.id, 'name\nx\n');
    expect(notXlsx.statusCode).toBe(400);
    expect(notXlsx.json().errors[0].message).toContain('not a readable XLSX');
    const noName = await editWorkbook(await exportOf(session, assessment.id), (sheet) => {
      sheet.spliceColumns(2, 1);
    });
    const refused = await upload(session, assessment.id, noName, true);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0]).toMatchObject({ field: 'file.Scenarios[1]' });
  });

  it('401, 400, 403, 404, 409 risk_assessment_locked (done, deprecated), 415', async () => {
    const { session, assessment, organization, rootFolderId } = await arrangeRegister(t);
    const file = await exportOf(session, assessment.id);
    expect((await upload(null, assessment.id, file)).statusCode).toBe(401);
    expect((await upload(session, 'not-a-uuid', file)).statusCode).toBe(400);
    expect((await upload(session, assessment.id, '')).statusCode).toBe(400);
    const badQuery = await call(t.app, session, {
      method: 'POST',
      url: `/api/v1/risk-assessments/${assessment.id}/import?dryRun=maybe`,
      ...multipartFile('r.xlsx', file),
    });
    expect(badQuery.statusCode).toBe(400);
    for (const role of ['reader', 'auditor']) {
      const user = await userWithRole(t.app, t.database, {
        organizationId: organization.id,
        folderId: rootFolderId,
        role,
      });
      expect((await upload(user.session, assessment.id, file)).statusCode, role).toBe(403);
    }
    const contributor = await userWithRole(t.app, t.database, {
      organizationId: organization.id,
      folderId: rootFolderId,
      role: 'contributor',
    });
    expect((await upload(contributor.session, assessment.id, file)).statusCode).toBe(200);
    const stranger = await createOrgWithOwner(t.app, t.database);
    expect((await upload(stranger.session, assessment.id, file)).statusCode).toBe(404);
    expect((await upload(session, missing, file)).statusCode).toBe(404);
    const json = await call(t.app, session, { method: 'POST', url: importUrl(assessment.id), payload: { file: 'x' } });
    expect(json.statusCode).toBe(415);
    for (const status of ['done', 'deprecated'] as const) {
      await setAssessmentStatus(t.database, assessment.id, status);
      for (const dryRun of [false, true]) {
        const refused = await upload(session, assessment.id, file, dryRun);
        expect(refused.statusCode, `${status} dryRun=${dryRun}`).toBe(409);
        // The assessment's own lock, as a scenario write answers it: one code for the web to explain.
        expect(refused.json()).toMatchObject({
          code: 'risk_assessment_locked',
          detail: expect.stringContaining(status),
        });
      }
    }
  });
});
