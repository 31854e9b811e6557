import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/client.js';
import { AppError, forbidden, notFound } from '../../platform/errors.js';
import type { Access } from '../access/index.js';
import type { AuditContext } from '../audit/index.js';
import { recordAudit } from '../audit/index.js';
import { type AssessmentView, loadReadableAssessment } from './assessment-lookups.js';
import type { CreateFilterInput, HeatMapDto, PlannedControlDto, TreatmentPlanDto } from './contracts.js';
import * as filters from './filter-queries.js';
import { tally, utcDate } from './heat-map.js';
import { countCells, type RatingKind } from './heat-map-lookups.js';
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
      // Counts only of scenarios the caller may read. Scenarios live in their assessment's folder (moved with it),
      // so that is all of them or none: deciding here keeps the GROUP BYs on the assessment alone, answered by
      // the cell indexes without reading the table, instead of filtering every row on its folder.
      const readable = access.can('risk_scenario:read', assessment.folderPath);
      const cells = async (kind: RatingKind, flagged: { tolerance: number | null; today: string } | null) =>
        readable ? countCells(db, { organizationId: access.organizationId, riskAssessmentId, kind, flagged }) : [];
      // Sequential on purpose: PGlite has one connection, and three small GROUP BYs are cheap anyway.
      const inherent = tally(def, await cells('inherent', null));
      const current = tally(def, await cells('current', { tolerance, today }));
      const residual = tally(def, await cells('residual', null));
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
      // Only what the caller may open: scenarios where they hold risk_scenario:read, controls where they hold
      // applied_control:read (a control treating only scenarios they cannot read is not listed either).
      const scenariosVisible = access.visibleFolderIds('risk_scenario:read');
      const pairs = await plannedPairs(db, riskAssessmentId, {
        scenarios: scenariosVisible,
        controls: access.visibleFolderIds('applied_control:read'),
      });
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
        gaps: await mitigationGaps(db, riskAssessmentId, scenariosVisible),
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
