import type { Database, DbOrTx } from '../../platform/db/client.js';
import { invalid, versionConflict } from '../../platform/errors.js';
import type { Access } from '../access/index.js';
import { type AuditContext, recordAudit } from '../audit/index.js';
import { findFramework } from '../frameworks/index.js';
import * as q from './queries.js';
import { assessmentDto, loadReadableAssessment } from './service.js';
import { requireUnlocked } from './status.js';
import type { UpgradeReportDto } from './upgrade-contracts.js';
import { compareVersionLabels, planUpgrade, type UpgradePlan } from './upgrade-plan.js';
import * as uq from './upgrade-queries.js';

const update = 'compliance_assessment:update' as const;
const read = 'compliance_assessment:read' as const;

const directionOf = (from: string, to: string): UpgradeReportDto['direction'] => {
  const c = compareVersionLabels(to, from);
  return c > 0 ? 'newer' : c < 0 ? 'older' : 'same_label';
};

/**
 * The framework to move to: visible to the organisation, of the same URN, and another row than the current one.
 * Any other loaded version is accepted, not only a "higher" label: labels follow no standard ("rev5", "2022",
 * "5.0.1"), and moving from the built-in entry to an imported official text of the same label is a real need.
 * The assessment's implementation groups must exist in the target, or its scope would silently change.
 */
async function loadTarget(db: DbOrTx, access: Access, assessment: q.AssessmentDetailRow, frameworkId: string) {
  const target = await findFramework(db, access.organizationId, frameworkId);
  if (!target) throw invalid('body.frameworkId', 'Unknown framework');
  if (target.urn !== assessment.frameworkUrn) {
    throw invalid('body.frameworkId', `Not a version of this assessment’s framework (${assessment.frameworkUrn})`);
  }
  if (target.id === assessment.frameworkId) {
    throw invalid('body.frameworkId', 'The assessment already covers this framework version');
  }
  const defined = new Set(target.implementationGroups.map((g) => g.refId));
  const lost = assessment.implementationGroups.filter((g) => !defined.has(g));
  if (lost.length > 0) {
    throw invalid(
      'body.frameworkId',
      `This version does not define the assessment’s implementation groups ${lost.join(', ')}`,
    );
  }
  return target;
}

async function computePlan(
  db: DbOrTx,
  access: Access,
  assessment: q.AssessmentDetailRow,
  target: NonNullable<Awaited<ReturnType<typeof findFramework>>>,
) {
  const current = await uq.loadCurrentRequirements(
    db,
    assessment.id,
    access.visibleFolderIds('evidence:read'),
    access.visibleFolderIds('applied_control:read'),
  );
  const nodes = await uq.loadTargetNodes(db, target.id);
  return planUpgrade({
    current,
    target: nodes,
    scope: assessment.implementationGroups,
    scale: { minScore: target.minScore, maxScore: target.maxScore },
  });
}

function reportOf(
  assessment: q.AssessmentDetailRow,
  target: { id: string; name: string; frameworkVersion: string },
  plan: UpgradePlan,
): UpgradeReportDto {
  return {
    from: { id: assessment.frameworkId, name: assessment.frameworkName, frameworkVersion: assessment.frameworkVersion },
    to: { id: target.id, name: target.name, frameworkVersion: target.frameworkVersion },
    direction: directionOf(assessment.frameworkVersion, target.frameworkVersion),
    added: plan.added.map(({ urn, refId, name }) => ({ urn, refId, name })),
    removed: plan.removed.map((r) => ({
      urn: r.urn,
      refId: r.refId,
      name: r.name,
      reason: r.reason,
      result: r.result,
      status: r.status,
      hasObservation: Boolean(r.observation),
      evidenceCount: r.visibleEvidenceCount,
      controlCount: r.visibleControlCount,
    })),
    changed: plan.changed,
    unchangedCount: plan.unchangedCount,
    scoresCleared: plan.scoresCleared.map(({ urn, refId, score }) => ({ urn, refId, score })),
  };
}

export function createUpgradeService(deps: { db: Database }) {
  const { db } = deps;

  async function loadForUpgrade(tx: DbOrTx, access: Access, id: string) {
    const assessment = await loadReadableAssessment(tx, access, id);
    access.require(update, assessment.folderPath, read, 'Assessment');
    return assessment;
  }

  return {
    /** The other loaded versions of the assessment's framework (what the upgrade may move to). */
    async targets(access: Access, id: string) {
      const assessment = await loadReadableAssessment(db, access, id);
      const rows = await uq.otherVersions(db, access.organizationId, assessment.frameworkUrn, assessment.frameworkId);
      return {
        items: rows.map((r) => ({ ...r, direction: directionOf(assessment.frameworkVersion, r.frameworkVersion) })),
      };
    },

    /** The report of an upgrade, written nowhere. A locked assessment can be previewed (the upgrade is refused). */
    async preview(access: Access, id: string, frameworkId: string) {
      return db.transaction(async (tx) => {
        const assessment = await loadForUpgrade(tx, access, id);
        const target = await loadTarget(tx, access, assessment, frameworkId);
        return reportOf(assessment, target, await computePlan(tx, access, assessment, target));
      });
    },

    /**
     * Moves the assessment and its requirement assessments to the target version in one transaction. The
     * assessment row is updated (version-checked) before the requirement assessments are read: that row lock makes
     * concurrent requirement edits (which share-lock it) wait, so the plan applied is the plan computed.
     */
    async upgrade(access: Access, audit: AuditContext, id: string, version: number, frameworkId: string) {
      return db.transaction(async (tx) => {
        const assessment = await loadForUpgrade(tx, access, id);
        requireUnlocked(assessment);
        const target = await loadTarget(tx, access, assessment, frameworkId);
        if (!(await uq.repointAssessment(tx, id, version, target.id))) throw versionConflict();
        const plan = await computePlan(tx, access, assessment, target);
        await uq.applyUpgradeRows(tx, {
          organizationId: access.organizationId,
          assessmentId: id,
          kept: plan.kept,
          clearScores: plan.scoresCleared.map((s) => s.raId),
          removed: plan.removed.map((r) => r.raId),
          addedNodeIds: plan.added.map((a) => a.nodeId),
        });
        const report = reportOf(assessment, target, plan);
        await recordAudit(tx, audit, {
          organizationId: access.organizationId,
          folderId: assessment.folderId,
          action: 'compliance_assessment.upgraded',
          objectType: 'compliance_assessment',
          objectId: id,
          changes: {
            frameworkId: { before: assessment.frameworkId, after: target.id },
            frameworkVersion: { before: assessment.frameworkVersion, after: target.frameworkVersion },
            report: { after: report },
            // Everything a removed requirement assessment held, links included (even those the caller cannot
            // read): the rows are gone, the trail keeps them.
            removedRequirementAssessments: {
              before: plan.removed.map((r) => ({
                id: r.raId,
                urn: r.urn,
                refId: r.refId,
                reason: r.reason,
                status: r.status,
                result: r.result,
                score: r.score,
                isScored: r.isScored,
                observation: r.observation,
                inferred: r.inferred,
                evidenceIds: r.evidenceIds,
                appliedControlIds: r.controlIds,
              })),
            },
            clearedScores: {
              before: plan.scoresCleared.map((s) => ({ id: s.raId, urn: s.urn, score: s.score })),
            },
          },
        });
        const row = await q.findAssessment(tx, access.organizationId, id);
        if (!row) throw new Error('upgraded assessment not found');
        return { assessment: await assessmentDto(tx, row, access), report };
      });
    },
  };
}
