import type { DbOrTx } from '../../platform/db/client.js';
import type { Access } from '../access/index.js';
import type { AssessmentListItemDto, AssessmentSummaryDto, ResultCountsDto } from './contracts.js';
import type { AssessmentDetailRow, AssessmentRow } from './queries.js';
import { emptyCounts, percent, type ScoredRow, sectionsOf, summarize } from './scoring.js';
import { requirementResults } from './tables.js';
import { loadScoringRows } from './workspace-queries.js';

type Ability = AssessmentListItemDto['abilities'];

export function abilitiesOf(row: { folderPath: string; lockedAt: Date | null }, access: Access): Ability {
  const update = access.can('compliance_assessment:update', row.folderPath);
  return {
    update,
    delete: access.can('compliance_assessment:delete', row.folderPath),
    editRequirements: update && row.lockedAt === null,
    review: access.can('compliance_assessment:review', row.folderPath),
    approve: access.can('compliance_assessment:approve', row.folderPath),
  };
}

function countsOf(raw: Record<string, number | string> | null): { total: number; results: ResultCountsDto } {
  const results = emptyCounts();
  for (const r of requirementResults) results[r] = Number(raw?.[r] ?? 0);
  return { total: Number(raw?.total ?? 0), results };
}

export function toListItem(row: AssessmentRow, access: Access): AssessmentListItemDto {
  const { total, results } = countsOf(row.counts as Record<string, number | string> | null);
  return {
    id: row.id,
    folderId: row.folderId,
    folderName: row.folderName,
    frameworkId: row.frameworkId,
    frameworkUrn: row.frameworkUrn,
    frameworkName: row.frameworkName,
    frameworkVersion: row.frameworkVersion,
    refId: row.refId,
    name: row.name,
    status: row.status,
    implementationGroups: row.implementationGroups,
    scoringMethod: row.scoringMethod,
    dueDate: row.dueDate,
    lockedAt: row.lockedAt,
    requirementCount: total,
    progress: percent(total - results.not_assessed, total),
    results,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
    abilities: abilitiesOf(row, access),
  };
}

/** The summary of one assessment: one query, then the pure scoring rules. */
export async function summaryOf(db: DbOrTx, row: AssessmentDetailRow): Promise<AssessmentSummaryDto> {
  const source = await loadScoringRows(db, row.id, row.frameworkId);
  const sectionOf = sectionsOf(source);
  const scored: ScoredRow[] = source
    .filter((r) => r.in_scope && r.result !== null)
    .map((r) => ({
      sectionId: sectionOf.get(r.id) ?? null,
      result: r.result ?? 'not_assessed',
      score: r.score,
      isScored: Boolean(r.is_scored),
    }));
  const sections = source.filter((r) => r.depth === 0);
  // Without a scale on the framework there is nothing to score, whatever numbers were stored.
  const hasScale = row.minScore !== null && row.maxScore !== null;
  const { overall, sections: bySection } = summarize(
    hasScale ? scored : scored.map(unscored),
    row.scoringMethod,
    sections,
  );
  return {
    total: overall.total,
    assessed: overall.assessed,
    progress: overall.progress,
    score: overall.score,
    scoringMethod: row.scoringMethod,
    minScore: row.minScore,
    maxScore: row.maxScore,
    results: overall.results,
    sections: sections
      .map((s) => ({ s, b: bySection.get(s.id) }))
      .filter(({ b }) => b !== undefined && b.total > 0)
      .map(({ s, b }) => ({
        nodeId: s.id,
        refId: s.ref_id,
        name: s.name,
        total: b?.total ?? 0,
        progress: b?.progress ?? 0,
        score: b?.score ?? null,
        results: b?.results ?? emptyCounts(),
      })),
  };
}

const unscored = (row: ScoredRow): ScoredRow => ({ ...row, isScored: false });
