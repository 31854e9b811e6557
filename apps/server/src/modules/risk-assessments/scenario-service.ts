import { and, eq } from 'drizzle-orm';
import type { Clock } from '../../platform/clock.js';
import type { Database, DbOrTx } from '../../platform/db/client.js';
import { conflict, notFound } from '../../platform/errors.js';
import { type Cursor, encodeCursor, parseSort } from '../../platform/http/pagination.js';
import type { Access } from '../access/index.js';
import { readableOr404 } from '../access/index.js';
import { type AuditContext, createdFields, deleteAudited, recordAudit, updateAudited } from '../audit/index.js';
import { acceptancesOfScenario, acceptedCoverCount, utcDate } from './acceptance-lookups.js';
import { assetsByIds, controlsByIds, threatsByIds, usableMatrix } from './catalog-lookups.js';
import { toScenarioSummary } from './presenter.js';
import { applyRatings, columnsOf, type RatingsPatch, ratingsOf, unrated } from './rating.js';
import type {
  CreateScenarioInput,
  ListScenariosQuery,
  RiskScenarioDto,
  UpdateScenarioInput,
} from './scenario-contracts.js';
import * as q from './scenario-queries.js';
import { checkMembers, loadReadableAssessment } from './service.js';
import { isLocked, requireUnlocked } from './status.js';
import { riskAssessments, riskScenarios } from './tables.js';

type ListParams = Omit<ListScenariosQuery, 'cursor'> & { cursor: Cursor | null };

/** A scenario the caller may read, or 404. */
export async function loadReadableScenario(db: DbOrTx, access: Access, id: string) {
  return readableOr404(
    await q.findScenario(db, access.organizationId, id),
    access,
    'risk_scenario:read',
    'Risk scenario',
  );
}

const auditable = (row: q.ScenarioRow) => {
  const { id: _id, organizationId: _o, createdAt: _c, updatedAt: _u, version: _v, ...fields } = row;
  return fields;
};

const splitRatings = <T extends RatingsPatch>(input: T) => {
  const { inherent, current, residual, ...rest } = input;
  return { ratings: { inherent, current, residual }, rest };
};

export function createScenarioService(deps: { db: Database; clock: Clock }) {
  const { db, clock } = deps;
  const today = () => utcDate(clock.now());

  async function summaries(
    tx: DbOrTx,
    access: Access,
    rows: {
      row: q.ScenarioRow;
      assessment: { name: string; riskMatrixId: string; status: Parameters<typeof isLocked>[0] };
    }[],
  ) {
    const extras = new Map(
      (
        await q.pageExtras(
          tx,
          rows.map((r) => r.row.id),
          today(),
          {
            organizationId: access.organizationId,
            assets: access.visibleFolderIds('asset:read'),
            threats: access.visibleFolderIds('threat:read'),
            controls: access.visibleFolderIds('applied_control:read'),
          },
        )
      ).map((e) => [e.id, e]),
    );
    return rows.map((r) =>
      toScenarioSummary(
        r.row,
        { name: r.assessment.name, riskMatrixId: r.assessment.riskMatrixId, locked: isLocked(r.assessment.status) },
        extras.get(r.row.id),
        access,
      ),
    );
  }

  async function detail(tx: DbOrTx, access: Access, id: string): Promise<RiskScenarioDto> {
    const found = await loadReadableScenario(tx, access, id);
    const [summary] = await summaries(tx, access, [{ row: found.row, assessment: found.assessment }]);
    if (!summary) throw notFound('Risk scenario');
    const links = await q.linksOf(tx, id);
    const org = access.organizationId;
    const controlsVisible = access.visibleFolderIds('applied_control:read');
    return {
      ...summary,
      description: found.row.description,
      vulnerabilities: found.row.vulnerabilities,
      existingControlsText: found.row.existingControlsText,
      justification: found.row.justification,
      createdAt: found.row.createdAt,
      threats: await threatsByIds(tx, org, links.threats, access.visibleFolderIds('threat:read')),
      assets: await assetsByIds(tx, org, links.assets, access.visibleFolderIds('asset:read')),
      existingControls: await controlsByIds(tx, org, links.existingControls, controlsVisible),
      plannedControls: await controlsByIds(tx, org, links.plannedControls, controlsVisible),
      acceptances: (await acceptancesOfScenario(tx, id, access.visibleFolderIds('risk_acceptance:read'), today())).map(
        (a) => ({ ...a, inForce: Boolean(a.inForce) }),
      ),
    };
  }

  async function matrixOf(tx: DbOrTx, organizationId: string, riskMatrixId: string) {
    const matrix = await usableMatrix(tx, organizationId, riskMatrixId);
    if (!matrix) throw notFound('Risk matrix');
    return matrix.definition;
  }

  return {
    detail: (access: Access, id: string) => detail(db, access, id),

    async list(access: Access, params: ListParams) {
      const { key, descending } = parseSort<q.ScenarioSort>(params.sort);
      const rows = await q.listScenarios(db, {
        ...params,
        organizationId: access.organizationId,
        visible: access.visibleFolderIds('risk_scenario:read'),
        today: today(),
        sort: key,
        descending,
      });
      const page = rows.slice(0, params.limit);
      const items = await summaries(
        db,
        access,
        page.map((r) => ({
          row: r.row,
          assessment: { name: r.assessmentName, riskMatrixId: r.riskMatrixId, status: r.assessmentStatus },
        })),
      );
      const last = page[page.length - 1];
      return {
        items,
        nextCursor: rows.length > params.limit && last ? encodeCursor({ v: last.sortCursor, id: last.row.id }) : null,
      };
    },

    async create(access: Access, audit: AuditContext, input: CreateScenarioInput) {
      return db.transaction(async (tx) => {
        // Holds off a concurrent re-rating or locking of the assessment until this scenario is written: its levels
        // are computed on the matrix read here, and a re-rating only maps the scenarios it can see.
        await tx
          .select({ id: riskAssessments.id })
          .from(riskAssessments)
          .where(
            and(
              eq(riskAssessments.id, input.riskAssessmentId),
              eq(riskAssessments.organizationId, access.organizationId),
            ),
          )
          .for('share');
        const assessment = await loadReadableAssessment(tx, access, input.riskAssessmentId);
        access.require('risk_scenario:create', assessment.folderPath, 'risk_assessment:read', 'Risk assessment');
        requireUnlocked(assessment.row);
        const { ratings, rest } = splitRatings(input);
        const next = applyRatings(
          await matrixOf(tx, access.organizationId, assessment.row.riskMatrixId),
          unrated(),
          ratings,
        );
        if (rest.ownerId) await checkMembers(tx, access.organizationId, [rest.ownerId], 'body.ownerId');
        const [row] = await tx
          .insert(riskScenarios)
          .values({
            ...rest,
            ...columnsOf(next),
            organizationId: access.organizationId,
            folderId: assessment.row.folderId,
          })
          .returning();
        if (!row) throw new Error('insert returned no row');
        await recordAudit(tx, audit, {
          organizationId: access.organizationId,
          folderId: row.folderId,
          action: 'risk_scenario.created',
          objectType: 'risk_scenario',
          objectId: row.id,
          changes: createdFields(auditable(row)),
        });
        return detail(tx, access, row.id);
      });
    },

    async update(access: Access, audit: AuditContext, id: string, version: number, input: UpdateScenarioInput) {
      return db.transaction(async (tx) => {
        const found = await loadReadableScenario(tx, access, id);
        access.require('risk_scenario:update', found.folderPath, 'risk_scenario:read', 'Risk scenario');
        requireUnlocked(found.assessment);
        const { ratings, rest } = splitRatings(input);
        const def = await matrixOf(tx, access.organizationId, found.assessment.riskMatrixId);
        const next = applyRatings(def, ratingsOf(found.row), ratings);
        if (rest.ownerId) await checkMembers(tx, access.organizationId, [rest.ownerId], 'body.ownerId');
        await updateAudited(tx, audit, {
          table: riskScenarios,
          id,
          version,
          set: { ...rest, ...columnsOf(next) },
          before: found.row,
          auditable,
          event: (after) => ({
            organizationId: access.organizationId,
            folderId: after.folderId,
            action: 'risk_scenario.updated',
            objectType: 'risk_scenario',
          }),
        });
        return detail(tx, access, id);
      });
    },

    async remove(access: Access, audit: AuditContext, id: string, version: number) {
      await db.transaction(async (tx) => {
        const found = await loadReadableScenario(tx, access, id);
        access.require('risk_scenario:delete', found.folderPath, 'risk_scenario:read', 'Risk scenario');
        requireUnlocked(found.assessment);
        if ((await acceptedCoverCount(tx, { scenarioId: id })) > 0) {
          throw conflict('An accepted risk acceptance covers this scenario; revoke it first so the record stays whole');
        }
        await deleteAudited(tx, audit, {
          table: riskScenarios,
          id,
          version,
          event: {
            organizationId: access.organizationId,
            folderId: found.row.folderId,
            action: 'risk_scenario.deleted',
            objectType: 'risk_scenario',
          },
          changes: {
            name: { before: found.row.name },
            refId: { before: found.row.refId },
            riskAssessmentId: { before: found.row.riskAssessmentId },
          },
        });
      });
    },
  };
}

export type ScenarioService = ReturnType<typeof createScenarioService>;
