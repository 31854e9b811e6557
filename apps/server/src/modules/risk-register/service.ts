import type { AuditContext } from '../../platform/audit/record.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { Access } from '../../platform/auth/access.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/client.js';
import { AppError, forbidden, notFound } from '../../platform/errors.js';
import { type AssessmentView, loadReadableAssessment } from './assessment-lookups.js';
import type { CreateFilterInput, HeatMapDto, PlannedControlDto, TreatmentPlanDto } from './contracts.js';
import * as filters from './filter-queries.js';
import { tally, utcDate } from './heat-map.js';
import { countCells } from './heat-map-lookups.js';
import { mitigationGaps, ownersOfControls, plannedPairs } from './treatment-plan-lookups.js';

/** Enough for any one person's habits, and a bound on what one user can store. */
export const MAX_FILTERS_PER_USER = 100;

const matrixOf = (assessment: AssessmentView) => assessment.matrix;

export function createRiskRegisterService(deps: { db: Database; clock: Clock }) {
  const { db, clock } = deps;

  /** Saved filters belong to people who use the register: they must be able to read scenarios somewhere. */
  function requireRegisterUser(access: Access) {
    if (!access.summary().somewhere.includes('risk_scenario:read')) {
      throw forbidden('Saved register filters need the risk_scenario:read permission');
    }
  }

  return {
    async heatMap(access: Access, riskAssessmentId: string): Promise<HeatMapDto> {
      const assessment = await loadReadableAssessment(db, access, riskAssessmentId);
      const def = assessment.matrix.definition;
      const today = utcDate(clock.now());
      const tolerance = assessment.riskToleranceLevel;
      // Sequential on purpose: PGlite has one connection, and three small GROUP BYs are cheap anyway.
      const inherent = tally(
        def,
        await countCells(db, {
          organizationId: access.organizationId,
          riskAssessmentId,
          kind: 'inherent',
          flagged: null,
        }),
      );
      const current = tally(
        def,
        await countCells(db, {
          organizationId: access.organizationId,
          riskAssessmentId,
          kind: 'current',
          flagged: { tolerance, today },
        }),
      );
      const residual = tally(
        def,
        await countCells(db, {
          organizationId: access.organizationId,
          riskAssessmentId,
          kind: 'residual',
          flagged: null,
        }),
      );
      return {
        matrix: matrixOf(assessment),
        riskToleranceLevel: tolerance,
        inherent: inherent.grid,
        current: current.grid,
        residual: residual.grid,
        unrated: { inherent: inherent.unrated, current: current.unrated, residual: residual.unrated },
        flaggedCount: current.flagged,
        byLevel: { current: current.byLevel, residual: residual.byLevel },
      };
    },

    async treatmentPlan(access: Access, riskAssessmentId: string): Promise<TreatmentPlanDto> {
      const assessment = await loadReadableAssessment(db, access, riskAssessmentId);
      const today = utcDate(clock.now());
      const pairs = await plannedPairs(db, riskAssessmentId, access.visibleFolderIds('applied_control:read'));
      const controls = new Map<string, PlannedControlDto>();
      for (const { control, scenario } of pairs) {
        let entry = controls.get(control.id);
        if (!entry) {
          entry = {
            ...control,
            owners: [],
            overdue: control.eta !== null && control.eta < today && control.status !== 'active',
            scenarios: [],
          };
          controls.set(control.id, entry);
        }
        entry.scenarios.push(scenario);
      }
      for (const owner of await ownersOfControls(db, [...controls.keys()])) {
        controls.get(owner.appliedControlId)?.owners.push({
          id: owner.id,
          displayName: owner.displayName,
          email: owner.email,
        });
      }
      return {
        matrix: matrixOf(assessment),
        controls: [...controls.values()],
        gaps: await mitigationGaps(db, riskAssessmentId),
      };
    },

    async listFilters(access: Access) {
      requireRegisterUser(access);
      return { items: await filters.listFilters(db, access) };
    },

    async createFilter(access: Access, audit: AuditContext, input: CreateFilterInput) {
      requireRegisterUser(access);
      return db.transaction(async (tx) => {
        if ((await filters.countFilters(tx, access)) >= MAX_FILTERS_PER_USER) {
          throw new AppError('conflict', `You already have ${MAX_FILTERS_PER_USER} saved filters; delete one first`);
        }
        const row = await filters.insertFilter(tx, access, input);
        await recordAudit(tx, audit, {
          organizationId: access.organizationId,
          action: 'risk_register_filter.created',
          objectType: 'risk_register_filter',
          objectId: row.id,
          changes: { name: { after: row.name }, query: { after: row.query } },
        });
        return row;
      });
    },

    async deleteFilter(access: Access, audit: AuditContext, id: string) {
      requireRegisterUser(access);
      await db.transaction(async (tx) => {
        const row = await filters.deleteFilter(tx, access, id);
        if (!row) throw notFound('Saved filter');
        await recordAudit(tx, audit, {
          organizationId: access.organizationId,
          action: 'risk_register_filter.deleted',
          objectType: 'risk_register_filter',
          objectId: id,
          changes: { name: { before: row.name }, query: { before: row.query } },
        });
      });
    },
  };
}

export type RiskRegisterService = ReturnType<typeof createRiskRegisterService>;
