import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { answer } from '../../platform/usage.js';
import type { Access } from '../access/index.js';
import { assetDeletion } from '../assets/index.js';
import { appliedControlDeletion } from '../controls/index.js';
import { folders } from '../folders/index.js';
import { threatDeletion } from '../threats/index.js';
import { isLocked, riskConflict } from './status.js';
import {
  riskAssessments,
  riskScenarioAssets,
  riskScenarioControls,
  riskScenarios,
  riskScenarioThreats,
} from './tables.js';

type ClosedUsageKind = 'control' | 'asset' | 'threat';

const targets = {
  control: { noun: 'applied control', link: riskScenarioControls, linked: riskScenarioControls.appliedControlId },
  asset: { noun: 'asset', link: riskScenarioAssets, linked: riskScenarioAssets.assetId },
  threat: { noun: 'threat', link: riskScenarioThreats, linked: riskScenarioThreats.threatId },
} as const;

/**
 * Deleting an applied control, an asset or a threat cascades (ON DELETE CASCADE) to the scenario links that cite
 * it. For a done or deprecated risk assessment that would silently rewrite a closed record (whose scenarios and
 * links are locked: `requireUnlocked`), so the deletion is refused with 409 `risk_assessment_locked` while any
 * scenario of such an assessment links the object. Open assessments simply lose the link, as before.
 *
 * Asked after the owner locked the object's row (see `DeletionCheck`), so no new link slips in between this
 * check and the delete; every assessment citing it is read `for share` (not only the closed ones: a WHERE on the
 * status would skip a row whose closing is not yet committed), so none can be closed until this transaction ends,
 * and one being closed right now is seen with its committed status. The detail names up to two of the
 * assessments, and only those the caller may read.
 */
async function refuseIfUsedByClosedRiskAssessments(tx: DbOrTx, access: Access, kind: ClosedUsageKind, id: string) {
  const { noun, link, linked } = targets[kind];
  const citing = await tx
    .select({
      id: riskAssessments.id,
      name: riskAssessments.name,
      status: riskAssessments.status,
      folderPath: folders.path,
    })
    .from(link)
    .innerJoin(riskScenarios, eq(riskScenarios.id, link.riskScenarioId))
    .innerJoin(riskAssessments, eq(riskAssessments.id, riskScenarios.riskAssessmentId))
    .innerJoin(folders, eq(folders.id, riskAssessments.folderId))
    .where(eq(linked, id))
    .orderBy(asc(riskAssessments.name), asc(riskAssessments.id))
    .for('share', { of: riskAssessments });
  // Deduplicated here, not with DISTINCT: PostgreSQL refuses DISTINCT together with FOR SHARE.
  const closed = [...new Map(citing.filter((a) => isLocked(a.status)).map((a) => [a.id, a])).values()];
  if (closed.length === 0) return;
  const readable = closed.filter((a) => access.can('risk_assessment:read', a.folderPath)).map((a) => a.name);
  throw riskConflict('risk_assessment_locked', closedUsageMessage(noun, closed.length, readable));
}

/** E.g. `… 3 locked (done or deprecated) risk assessments, "Q3 review", "2025 register" and 1 more, whose …`. */
function closedUsageMessage(noun: string, count: number, readableNames: string[]) {
  const shown = readableNames.slice(0, 2).map((name) => `"${name}"`);
  const more = count - shown.length;
  const names =
    shown.length === 0 ? '' : more > 0 ? `, ${shown.join(', ')} and ${more} more,` : `, ${shown.join(' and ')},`;
  const plural = count === 1 ? '' : 's';
  return (
    `This ${noun} is linked to scenarios of ${count} locked (done or deprecated) risk assessment${plural}${names} ` +
    `whose records cannot change; reopen ${count === 1 ? 'it' : 'them'} (needs the approve permission) or keep the ${noun}`
  );
}

/** Risk assessments' answers to the deletion questions of the catalogues their scenarios link. */
export const closedUsageGuards = [
  answer(appliedControlDeletion, ({ tx, access, id }) =>
    refuseIfUsedByClosedRiskAssessments(tx, access, 'control', id),
  ),
  answer(assetDeletion, ({ tx, access, id }) => refuseIfUsedByClosedRiskAssessments(tx, access, 'asset', id)),
  answer(threatDeletion, ({ tx, access, id }) => refuseIfUsedByClosedRiskAssessments(tx, access, 'threat', id)),
];
