import { AppError } from '../../platform/errors.js';
import type { Access } from '../access/index.js';
import type { riskAssessmentStatuses } from './tables.js';

export type RiskAssessmentStatus = (typeof riskAssessmentStatuses)[number];

/** Done and deprecated assessments are records: their scenarios stop changing. */
export const isLocked = (status: RiskAssessmentStatus) => status === 'done' || status === 'deprecated';

/**
 * The permission a status move needs. Reaching `done` and leaving a locked status both need
 * risk_assessment:approve (as compliance assessments do), so mere update rights can neither close the record nor
 * reopen it; a reviewer may send an assessment in review back to in_progress; every other move needs update.
 * Archiving a done assessment (done → deprecated) keeps it locked and needs approve too.
 */
export function requireStatusChange(
  access: Access,
  before: { status: RiskAssessmentStatus; folderPath: string },
  target: RiskAssessmentStatus,
) {
  if (target === before.status) return;
  const path = before.folderPath;
  if (target === 'done' || isLocked(before.status)) {
    access.require('risk_assessment:approve', path, 'risk_assessment:read', 'Risk assessment');
    return;
  }
  const sendBack = before.status === 'in_review' && target === 'in_progress';
  if (sendBack && access.can('risk_assessment:review', path)) return;
  access.require('risk_assessment:update', path, 'risk_assessment:read', 'Risk assessment');
}

/** A domain conflict with its own stable code (both are 409s in the platform's table). */
export function riskConflict(code: 'matrix_change_needs_rerating' | 'risk_assessment_locked', message: string) {
  return new AppError(code, message);
}

/**
 * A done or deprecated assessment is a closed record: its own fields stay as they were when it was closed (the
 * tolerance alone decides which of its scenarios are flagged; the matrix, folder, name and people are what was
 * signed off). Only its status may change, with the permission `requireStatusChange` asks for; edits come after a
 * move back to an open status, never in the same request, so reopening always shows in the audit trail first.
 */
export function requireFieldsUnlocked(assessment: { status: RiskAssessmentStatus }, changedFields: string[]) {
  if (isLocked(assessment.status) && changedFields.length > 0) {
    throw riskConflict(
      'risk_assessment_locked',
      `This risk assessment is ${assessment.status} and locked: only its status can change, not ` +
        `${changedFields.join(', ')}. Move it back to in progress first (needs the approve permission).`,
    );
  }
}

export function requireUnlocked(assessment: { status: RiskAssessmentStatus }) {
  if (isLocked(assessment.status)) {
    throw riskConflict(
      'risk_assessment_locked',
      `This risk assessment is ${assessment.status} and locked: its scenarios cannot change. ` +
        'Move it back to in progress first (needs the approve permission).',
    );
  }
}
