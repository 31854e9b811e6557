import { sql } from 'drizzle-orm';
import type { Transaction } from '../../../platform/db/client.js';
import { type AuditContext, recordAudit } from '../../audit/index.js';
import type { AssessmentHeader } from '../load.js';
import type { RowChange } from './plan.js';

/**
 * Writes a validated plan: the changed requirement assessments (a person's values end an inference, so
 * `inferred` drops when a value changes; every changed row gets a new version), their links, then one audit
 * event listing every change. Runs in the caller's transaction: all of it or none.
 */
export async function applyImport(
  tx: Transaction,
  audit: AuditContext,
  header: AssessmentHeader,
  changes: RowChange[],
  file: { name: string; format: string },
  now: Date,
) {
  // Set-based writes (one statement per kind, rows passed as one JSON parameter): 1,200 rows cost a few
  // statements, not thousands, and JSON binds the same way on PGlite and node-postgres.
  const values = changes.map((c) => ({
    id: c.requirementAssessmentId,
    status: c.after.status,
    result: c.after.result,
    score: c.after.score,
    // A stored score that is not counted (is_scored false) reads as empty: keep it unless the Score cell changed.
    scoreChanged: c.fields.includes('score'),
    observation: c.after.observation,
    // Links alone do not confirm an inferred result; a changed value does.
    touched: c.fields.length > 0,
  }));
  await tx.execute(sql`
    update requirement_assessments ra set
      status = v.status,
      result = v.result,
      score = case when v."scoreChanged" then v.score else ra.score end,
      is_scored = case when v."scoreChanged" then v.score is not null else ra.is_scored end,
      observation = v.observation,
      inferred = case when v.touched then false else ra.inferred end,
      updated_at = ${now.toISOString()}::timestamptz,
      version = ra.version + 1
    from jsonb_to_recordset(${JSON.stringify(values)}::jsonb)
      as v(id uuid, status text, result text, score integer, "scoreChanged" boolean, observation text, touched boolean)
    where ra.id = v.id and ra.assessment_id = ${header.id}::uuid`);

  const pairs = (pick: (c: RowChange) => { id: string }[]) =>
    JSON.stringify(changes.flatMap((c) => pick(c).map((o) => ({ ra: c.requirementAssessmentId, target: o.id }))));
  await tx.execute(sql`
    delete from requirement_assessment_controls l
    using jsonb_to_recordset(${pairs((c) => c.controlsRemoved)}::jsonb) as p(ra uuid, target uuid)
    where l.requirement_assessment_id = p.ra and l.applied_control_id = p.target`);
  await tx.execute(sql`
    insert into requirement_assessment_controls (requirement_assessment_id, applied_control_id)
    select p.ra, p.target from jsonb_to_recordset(${pairs((c) => c.controlsAdded)}::jsonb) as p(ra uuid, target uuid)
    on conflict do nothing`);
  await tx.execute(sql`
    delete from requirement_assessment_evidence l
    using jsonb_to_recordset(${pairs((c) => c.evidenceRemoved)}::jsonb) as p(ra uuid, target uuid)
    where l.requirement_assessment_id = p.ra and l.evidence_id = p.target`);
  await tx.execute(sql`
    insert into requirement_assessment_evidence (requirement_assessment_id, evidence_id)
    select p.ra, p.target from jsonb_to_recordset(${pairs((c) => c.evidenceAdded)}::jsonb) as p(ra uuid, target uuid)
    on conflict do nothing`);
  await recordAudit(
    tx,
    audit,
    {
      organizationId: header.organizationId,
      folderId: header.folderId,
      action: 'compliance_assessment.imported',
      objectType: 'compliance_assessment',
      objectId: header.id,
      changes: {
        file: file.name,
        format: file.format,
        changed: changes.length,
        requirements: changes.map(describeChange),
      },
    },
    now,
  );
}

/** A change as the audit trail and the dry run show it: only what moves. */
export function describeChange(change: RowChange) {
  return {
    requirementUrn: change.requirementUrn,
    refId: change.refId,
    row: change.row,
    fields: Object.fromEntries(change.fields.map((f) => [f, { from: change.before[f], to: change.after[f] }])),
    controlsAdded: change.controlsAdded.map((c) => c.refId ?? c.name),
    controlsRemoved: change.controlsRemoved.map((c) => c.refId ?? c.name),
    evidenceAdded: change.evidenceAdded.map((e) => e.name),
    evidenceRemoved: change.evidenceRemoved.map((e) => e.name),
  };
}
