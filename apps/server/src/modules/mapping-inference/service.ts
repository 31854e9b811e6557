import type { Database } from '../../platform/db/client.js';
import { AppError, conflict, invalid, notFound, versionConflict } from '../../platform/errors.js';
import { type Access, readableOr404 } from '../access/index.js';
import { complianceAssessments, insertAssessment } from '../assessments/index.js';
import { type AuditContext, createdFields, recordAudit, updateAudited } from '../audit/index.js';
import { folderPathOf } from '../folders/index.js';
import { requireReadSomewhere } from '../frameworks/index.js';
import { countOutcomes } from './engine.js';
import { adjacency, distancesFrom, MAX_HOPS } from './paths.js';
import * as q from './queries.js';
import { checkGroups, compute, loadSources, loadTarget } from './run.js';
import { applyChanges, isInferable, plannedChanges, type TargetRow } from './writes.js';

/** Inference reads the library (frameworks, mapping sets) and the sources; each needs its read permission. */
function requireLibraryRead(access: Access) {
  requireReadSomewhere(access, 'framework:read');
  requireReadSomewhere(access, 'mapping_set:read');
}

export function createMappingInferenceService(deps: { db: Database }) {
  const { db } = deps;

  return {
    async preview(
      access: Access,
      body: { sourceAssessmentIds: string[]; targetFrameworkId: string; implementationGroups?: string[] },
    ) {
      requireLibraryRead(access);
      const sources = await loadSources(db, access, body.sourceAssessmentIds);
      const target = await loadTarget(db, access, body.targetFrameworkId);
      checkGroups(target, body.implementationGroups ?? []);
      const requirements = await q.scopeRequirements(db, target.id, body.implementationGroups ?? []);
      const { output, sets } = await compute(
        db,
        access,
        sources,
        target,
        requirements.map((r) => r.urn),
      );
      const setNames = new Map(sets.map((s) => [s.id, s.name]));
      const usedSets = [...new Set([...output.mappingSetIdsByAssessment.values()].flat())];
      return {
        targetFramework: { id: target.id, urn: target.urn, name: target.name },
        sources: sources.map((s) => ({
          id: s.id,
          name: s.name,
          status: s.status,
          frameworkId: s.frameworkId,
          frameworkName: s.frameworkName,
          reachable: !output.unreachableAssessmentIds.includes(s.id),
          mappingSetIds: output.mappingSetIdsByAssessment.get(s.id) ?? [],
        })),
        mappingSets: usedSets.map((id) => ({ id, name: setNames.get(id) ?? id })),
        counts: countOutcomes(output.requirements),
        requirements: requirements.map((r, i) => ({
          requirementNodeId: r.id,
          urn: r.urn,
          refId: r.ref_id,
          name: r.name,
          result: output.requirements[i]?.result ?? null,
          trace: output.requirements[i]?.trace ?? null,
        })),
      };
    },

    async create(
      access: Access,
      audit: AuditContext,
      body: {
        sourceAssessmentIds: string[];
        targetFrameworkId: string;
        implementationGroups?: string[];
        folderId: string;
        name: string;
        description?: string;
      },
    ) {
      requireLibraryRead(access);
      return db.transaction(async (tx) => {
        const sources = await loadSources(tx, access, body.sourceAssessmentIds);
        const target = await loadTarget(tx, access, body.targetFrameworkId);
        const groups = body.implementationGroups ?? [];
        checkGroups(target, groups);
        const folderPath = await folderPathOf(tx, access.organizationId, body.folderId);
        if (!folderPath) throw notFound('Folder');
        access.require('compliance_assessment:create', folderPath, 'compliance_assessment:read', 'Folder');

        // The rows insertAssessment creates, known beforehand: the inference is computed once, then written.
        const scope = await q.scopeRequirements(tx, target.id, groups);
        const rows: TargetRow[] = scope.map((r) => ({
          requirementNodeId: r.id,
          urn: r.urn,
          result: 'not_assessed',
          inferred: false,
        }));
        const { output, inferredFrom } = await compute(
          tx,
          access,
          sources,
          target,
          rows.map((r) => r.urn),
        );
        const from = inferredFrom(new Date().toISOString());
        const created = await insertAssessment(tx, {
          organizationId: access.organizationId,
          folderId: body.folderId,
          frameworkId: target.id,
          name: body.name,
          description: body.description ?? null,
          implementationGroups: groups,
          inferredFrom: from,
        });
        const updated = await applyChanges(tx, created.id, plannedChanges(rows, output.requirements));
        await recordAudit(tx, audit, {
          organizationId: access.organizationId,
          folderId: body.folderId,
          action: 'compliance_assessment.created',
          objectType: 'compliance_assessment',
          objectId: created.id,
          changes: createdFields({
            name: body.name,
            frameworkId: target.id,
            implementationGroups: groups,
            inferredFrom: from.map((f) => f.assessmentId),
            inferredResults: updated,
          }),
        });
        return {
          id: created.id,
          name: body.name,
          folderId: body.folderId,
          frameworkId: target.id,
          status: 'planned' as const,
          version: 1,
          inferredFrom: from,
          requirementCount: created.requirementCount,
          counts: countOutcomes(output.requirements),
          unreachableAssessmentIds: output.unreachableAssessmentIds,
          abilities: { update: access.can('compliance_assessment:update', folderPath) },
        };
      });
    },

    async refresh(
      access: Access,
      audit: AuditContext,
      id: string,
      version: number,
      body: { sourceAssessmentIds?: string[] },
    ) {
      requireLibraryRead(access);
      return db.transaction(async (tx) => {
        const [found] = await q.findAssessments(tx, access.organizationId, [id]);
        const assessment = readableOr404(found, access, 'compliance_assessment:read', 'Compliance assessment');
        access.require(
          'compliance_assessment:update',
          assessment.folderPath,
          'compliance_assessment:read',
          'Compliance assessment',
        );
        // A stale version is answered before the inference runs (the write checks it again).
        if (assessment.version !== version) throw versionConflict();
        if (assessment.lockedAt || assessment.status === 'done' || assessment.status === 'deprecated') {
          throw conflict('The assessment is locked (done or deprecated); its results no longer change');
        }
        const sourceIds = body.sourceAssessmentIds ?? assessment.inferredFrom?.map((f) => f.assessmentId) ?? [];
        if (sourceIds.length === 0) {
          throw new AppError('conflict', 'This assessment was not inferred from others; name the source assessments');
        }
        if (sourceIds.includes(id)) throw invalid('body.sourceAssessmentIds', 'An assessment cannot be its own source');
        const sources = await loadSources(tx, access, sourceIds);
        const target = await loadTarget(tx, access, assessment.frameworkId);
        const rows = await q.targetRows(tx, id);
        const { output, inferredFrom } = await compute(
          tx,
          access,
          sources,
          target,
          rows.map((r) => r.urn),
        );
        const from = inferredFrom(new Date().toISOString());
        const updated = await applyChanges(tx, id, plannedChanges(rows, output.requirements));
        const after = await updateAudited(tx, audit, {
          table: complianceAssessments,
          id,
          version,
          set: { inferredFrom: from },
          event: {
            organizationId: access.organizationId,
            folderId: assessment.folderId,
            action: 'compliance_assessment.inference_refreshed',
            objectType: 'compliance_assessment',
          },
          changes: () => ({
            inferredFrom: {
              before: assessment.inferredFrom?.map((f) => f.assessmentId) ?? null,
              after: from.map((f) => f.assessmentId),
            },
            inferredResults: { after: updated },
          }),
        });

        return {
          id,
          version: after.version,
          inferredFrom: from,
          updated,
          kept: rows.filter((r) => !isInferable(r)).length,
          counts: countOutcomes(output.requirements),
          unreachableAssessmentIds: output.unreachableAssessmentIds,
          abilities: { update: true },
        };
      });
    },

    /** Frameworks the given one leads to through mapping sets, nearest first (for choosing a target). */
    async reachable(access: Access, frameworkId: string) {
      requireLibraryRead(access);
      const from = await loadTarget(db, access, frameworkId);
      const distances = distancesFrom(
        from.urn,
        adjacency(await q.visibleMappingSets(db, access.organizationId)),
        MAX_HOPS,
      );
      distances.delete(from.urn);
      const frameworks = await q.frameworksByUrn(db, access.organizationId, [...distances.keys()]);
      const items = frameworks.map((f) => ({ ...f, hops: distances.get(f.urn) ?? MAX_HOPS }));
      return { items: items.sort((a, b) => a.hops - b.hops) };
    },
  };
}
