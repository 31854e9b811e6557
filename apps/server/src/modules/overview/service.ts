import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/client.js';
import { notFound } from '../../platform/errors.js';
import type { Access } from '../access/index.js';
import { appliedControlStatuses } from '../controls/index.js';
import { folderPathOf } from '../folders/index.js';
import { findFramework, requireFrameworkRead } from '../frameworks/index.js';
import type { DashboardDto } from './contracts.js';
import * as q from './queries.js';
import {
  addDays,
  addResults,
  coverageOf,
  EXPIRY_WINDOW_DAYS,
  emptyResults,
  evidenceValidity,
  percentages,
  type ResultCounts,
} from './status.js';

/** Items listed per evidence bucket on the dashboard (the counts cover all). */
const TOP_EVIDENCE = 10;

export function createOverviewService(deps: { db: Database; clock: Clock }) {
  const { db, clock } = deps;
  const today = () => clock.now().toISOString().slice(0, 10);

  /** The optional folder filter: a folder of the organisation the caller may read, else 404. */
  async function folderFilter(access: Access, folderId: string | undefined) {
    if (!folderId) return null;
    const path = await folderPathOf(db, access.organizationId, folderId);
    if (!path || !access.can('folder:read', path)) throw notFound('Folder');
    return path;
  }

  return {
    /** Coverage of a framework by applied controls and their evidence: four queries whatever its size. */
    async coverage(access: Access, frameworkId: string, folderId?: string) {
      requireFrameworkRead(access);
      const framework = await findFramework(db, access.organizationId, frameworkId);
      if (!framework) throw notFound('Framework');
      const folderPath = await folderFilter(access, folderId);
      const scope = { organizationId: access.organizationId, frameworkId, folderPath };
      const visibleControls = access.visibleFolderIds('applied_control:read');
      const [nodes, controls, evidence] = await Promise.all([
        q.coverageTree(db, frameworkId),
        q.coverageControls(db, { ...scope, visible: visibleControls }),
        q.coverageEvidence(db, {
          ...scope,
          visibleControls,
          visibleEvidence: access.visibleFolderIds('evidence:read'),
        }),
      ]);
      const day = today();
      const evidenceByControl = new Map<string, ReturnType<typeof toEvidence>[]>();
      const toEvidence = (e: (typeof evidence)[number]) => ({
        id: e.id,
        name: e.name,
        refId: e.ref_id,
        status: e.status,
        validUntil: e.valid_until,
        validity: evidenceValidity(e.status, e.valid_until, day),
      });
      for (const e of evidence) {
        const list = evidenceByControl.get(e.applied_control_id) ?? [];
        list.push(toEvidence(e));
        evidenceByControl.set(e.applied_control_id, list);
      }
      const controlsByNode = new Map<string, typeof controls>();
      for (const c of controls) {
        const list = controlsByNode.get(c.requirement_node_id) ?? [];
        list.push(c);
        controlsByNode.set(c.requirement_node_id, list);
      }
      const totals = { assessable: 0, covered: 0, partial: 0, gaps: 0 };
      const requirements = nodes.map((n) => {
        const linked = controlsByNode.get(n.id) ?? [];
        const coverage = n.assessable ? coverageOf(linked.map((c) => c.status)) : null;
        if (coverage) {
          totals.assessable++;
          if (coverage === 'covered') totals.covered++;
          else if (coverage === 'partial') totals.partial++;
          else totals.gaps++;
        }
        return {
          id: n.id,
          parentId: n.parent_id,
          urn: n.urn,
          refId: n.ref_id,
          name: n.name,
          depth: n.depth,
          assessable: n.assessable,
          coverage,
          controls: linked.map((c) => ({
            id: c.id,
            name: c.name,
            refId: c.ref_id,
            status: c.status,
            folderId: c.folder_id,
            evidence: evidenceByControl.get(c.id) ?? [],
          })),
        };
      });
      const somewhere = access.summary().somewhere;
      return {
        framework: {
          id: framework.id,
          name: framework.name,
          refId: framework.refId,
          frameworkVersion: framework.frameworkVersion,
        },
        totals,
        requirements,
        abilities: {
          readControls: somewhere.includes('applied_control:read'),
          readEvidence: somewhere.includes('evidence:read'),
        },
      };
    },

    /** The compliance dashboard of what the caller may read: three queries (four with a folder filter). */
    async dashboard(access: Access, folderId?: string): Promise<DashboardDto> {
      const folderPath = await folderFilter(access, folderId);
      const base = { organizationId: access.organizationId, folderPath };
      const day = today();
      const [resultRows, controlRows, evidenceRows] = await Promise.all([
        q.assessmentResults(db, { ...base, visible: access.visibleFolderIds('compliance_assessment:read') }),
        q.controlsByStatus(db, { ...base, visible: access.visibleFolderIds('applied_control:read') }),
        q.expiringEvidence(db, {
          ...base,
          visible: access.visibleFolderIds('evidence:read'),
          today: day,
          horizon: addDays(day, EXPIRY_WINDOW_DAYS),
          top: TOP_EVIDENCE,
        }),
      ]);

      const assessments = new Map<string, { row: (typeof resultRows)[number]; results: ResultCounts }>();
      for (const row of resultRows) {
        const entry = assessments.get(row.id) ?? { row, results: emptyResults() };
        if (row.result) entry.results[row.result] += Number(row.count);
        assessments.set(row.id, entry);
      }
      const overall = emptyResults();
      const frameworks = new Map<
        string,
        { id: string; name: string; assessmentCount: number; results: ResultCounts }
      >();
      for (const { row, results } of assessments.values()) {
        addResults(overall, results);
        const framework = frameworks.get(row.framework_id) ?? {
          id: row.framework_id,
          name: row.framework_name,
          assessmentCount: 0,
          results: emptyResults(),
        };
        framework.assessmentCount++;
        addResults(framework.results, results);
        frameworks.set(row.framework_id, framework);
      }

      const controlsByStatus = Object.fromEntries(
        appliedControlStatuses.map((s) => [s, 0]),
      ) as DashboardDto['controlsByStatus'];
      for (const row of controlRows) controlsByStatus[row.status] = Number(row.count);

      const bucket = (name: 'expired' | 'expiring') => {
        const rows = evidenceRows.filter((r) => r.bucket === name);
        return {
          count: Number(rows[0]?.total ?? 0),
          items: rows.map((r) => ({
            id: r.id,
            name: r.name,
            status: r.status,
            validUntil: r.valid_until,
            folderId: r.folder_id,
          })),
        };
      };
      const somewhere = access.summary().somewhere;
      return {
        today: day,
        assessments: [...assessments.values()].map(({ row, results }) => ({
          id: row.id,
          name: row.name,
          status: row.status,
          folderId: row.folder_id,
          framework: { id: row.framework_id, name: row.framework_name },
          results,
          ...percentages(results),
        })),
        frameworks: [...frameworks.values()].map((f) => ({ ...f, ...percentages(f.results) })),
        results: overall,
        controlsByStatus,
        evidence: { expired: bucket('expired'), expiringSoon: bucket('expiring'), withinDays: EXPIRY_WINDOW_DAYS },
        abilities: {
          readAssessments: somewhere.includes('compliance_assessment:read'),
          readControls: somewhere.includes('applied_control:read'),
          readEvidence: somewhere.includes('evidence:read'),
        },
      };
    },
  };
}
