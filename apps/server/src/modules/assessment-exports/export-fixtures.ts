import ExcelJS from 'exceljs';
import type { TestContext } from '../../test/app.js';
import { createOrgWithOwner } from '../../test/factories.js';
import { cellText } from './import/cell-text.js';
import {
  assess,
  createAssessment,
  createControl,
  createEvidence,
  createFramework,
  isoLikeFramework,
  requirementState,
} from './testing.js';

/** Test arrangements shared by the export tests (kept apart from testing.ts, which has no app). */
/** An organisation with an assessed ISO-like assessment: results, observations, a control and evidence. */
export async function arrangeAssessed(t: TestContext, content = isoLikeFramework()) {
  const org = await createOrgWithOwner(t.app, t.database);
  const ids = { organizationId: org.organization.id, folderId: org.rootFolderId };
  const framework = await createFramework(t.database, ids.organizationId, ids.folderId, content);
  const assessmentId = await createAssessment(t.database, {
    ...ids,
    frameworkId: framework.id,
    name: 'ISO 27001: Annual review / 2026',
  });
  const control = await createControl(t.database, { ...ids, refId: 'CTL-1', name: 'Access policy' });
  const proof = await createEvidence(t.database, { ...ids, name: 'Signed policy.pdf' });
  const [first, second, third] = await requirementState(t.database, assessmentId);
  if (!first || !second || !third) throw new Error('fixture too small');
  await assess(t.database, first.id, {
    status: 'done',
    result: 'compliant',
    score: 4,
    observation: 'Policy approved by the board.',
    controlIds: [control.id],
    evidenceIds: [proof.id],
  });
  await assess(t.database, second.id, { status: 'done', result: 'not_applicable', observation: 'No development.' });
  await assess(t.database, third.id, { status: 'in_progress', result: 'non_compliant', inferred: true });
  return { ...org, ...ids, framework, assessmentId, control, proof };
}

export async function workbookOf(body: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  return workbook;
}
export const rowValues = (sheet: ExcelJS.Worksheet, n: number) =>
  (sheet.getRow(n).values as ExcelJS.CellValue[]).slice(1).map((v) => cellText(v ?? null));
