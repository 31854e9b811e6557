import { AppError } from '../../platform/errors.js';
import type { Access } from '../access/index.js';
import type { assessmentStatuses } from './tables.js';

type Status = (typeof assessmentStatuses)[number];

/**
 * Who may move an assessment between statuses, and what the move does to the lock:
 * - `done` locks the assessment (its requirement assessments stop changing); reaching it needs
 *   compliance_assessment:approve;
 * - any move out of a locked state (lockedAt set: `done`, or `deprecated` reached from `done`) needs
 *   compliance_assessment:approve too, and clears the lock, unless it goes to `done` or `deprecated` (archiving
 *   a done assessment keeps it locked). Without this, done → deprecated → in_progress would reopen with mere
 *   update rights and leave an in_progress assessment locked;
 * - a reviewer (compliance_assessment:review) may send an assessment in review back to in_progress;
 * - every other move needs compliance_assessment:update.
 */
export function planStatusChange(
  access: Access,
  before: { status: Status; folderPath: string; lockedAt: Date | null },
  target: Status,
): { status: Status; lockedAt: Date | null; action: `compliance_assessment.${string}` } {
  const path = before.folderPath;
  // `done` without a lock cannot arise through this function; counted as locked all the same, to be safe.
  const locked = before.lockedAt !== null || before.status === 'done';
  if (target === 'done' || locked) {
    access.require('compliance_assessment:approve', path, 'compliance_assessment:read', 'Assessment');
  } else {
    const sendBack = before.status === 'in_review' && target === 'in_progress';
    if (!(sendBack && access.can('compliance_assessment:review', path))) {
      access.require('compliance_assessment:update', path, 'compliance_assessment:read', 'Assessment');
    }
  }
  if (target === 'done') {
    return { status: target, lockedAt: before.lockedAt ?? new Date(), action: 'compliance_assessment.locked' };
  }
  if (locked) {
    if (target === 'deprecated') {
      return { status: target, lockedAt: before.lockedAt ?? new Date(), action: 'compliance_assessment.updated' };
    }
    return { status: target, lockedAt: null, action: 'compliance_assessment.reopened' };
  }
  return { status: target, lockedAt: before.lockedAt, action: 'compliance_assessment.updated' };
}

/** Refuses a change to a requirement assessment of a locked (done) assessment. */
export function requireUnlocked(assessment: { lockedAt: Date | null }) {
  if (assessment.lockedAt !== null) {
    throw new AppError(
      'conflict',
      'This assessment is done and locked: its requirement assessments cannot change. Reopen it first (needs the approve permission).',
    );
  }
}
