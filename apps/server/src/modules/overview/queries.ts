import { type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, selectRows } from '../../platform/db/client.js';
import type { RequirementResult } from '../assessments/index.js';
import type { appliedControlStatuses } from '../controls/index.js';
import type { evidenceStatuses } from '../evidence/index.js';

/**
 * Read models across controls, evidence and assessments. Each is one statement scoped in SQL: the organisation,
 * the caller's visible folders for the object's own permission, and the optional folder subtree.
 */
type ControlStatus = (typeof appliedControlStatuses)[number];
type EvidenceStatus = (typeof evidenceStatuses)[number];

/** `folder_id` of the row lies in the subtree at `path` (no filter without a path). */
const inSubtree = (folderColumn: SQL, path: string | null) =>
  path === null
    ? sql`true`
    : sql`exists (select 1 from folders sf where sf.id = ${folderColumn} and starts_with(sf.path, ${path}))`;

export function coverageTree(db: DbOrTx, frameworkId: string) {
  return selectRows<{
    id: string;
    parent_id: string | null;
    urn: string;
    ref_id: string | null;
    name: string | null;
    depth: number;
    assessable: boolean;
  }>(
    db,
    sql`select n.id, n.parent_id, n.urn, n.ref_id, n.name, n.depth, n.assessable
        from requirement_nodes n
        where n.framework_id = ${frameworkId}::uuid and not n.withdrawn
        order by n.order_index`,
  );
}

/** The applied controls linked to the framework's requirements, in folders where the caller reads controls. */
export function coverageControls(
  db: DbOrTx,
  params: { organizationId: string; frameworkId: string; visible: SQL; folderPath: string | null },
) {
  return selectRows<{
    requirement_node_id: string;
    id: string;
    name: string;
    ref_id: string | null;
    status: ControlStatus;
    folder_id: string;
  }>(
    db,
    sql`select acr.requirement_node_id, ac.id, ac.name, ac.ref_id, ac.status, ac.folder_id
        from applied_control_requirements acr
        join requirement_nodes n on n.id = acr.requirement_node_id
        join applied_controls ac on ac.id = acr.applied_control_id
        where n.framework_id = ${params.frameworkId}::uuid
          and ac.organization_id = ${params.organizationId}::uuid
          and ac.folder_id in ${params.visible}
          and ${inSubtree(sql`ac.folder_id`, params.folderPath)}
        order by ac.name, ac.id`,
  );
}

/** Evidence of those same controls (same scope), readable by the caller. */
export function coverageEvidence(
  db: DbOrTx,
  params: {
    organizationId: string;
    frameworkId: string;
    visibleControls: SQL;
    visibleEvidence: SQL;
    folderPath: string | null;
  },
) {
  return selectRows<{
    applied_control_id: string;
    id: string;
    name: string;
    ref_id: string | null;
    status: EvidenceStatus;
    valid_until: string | null;
  }>(
    db,
    sql`select ace.applied_control_id, e.id, e.name, e.ref_id, e.status, e.valid_until::text as valid_until
        from applied_control_evidence ace
        join evidence e on e.id = ace.evidence_id
        join applied_controls ac on ac.id = ace.applied_control_id
        where ac.organization_id = ${params.organizationId}::uuid
          and ac.folder_id in ${params.visibleControls}
          and ${inSubtree(sql`ac.folder_id`, params.folderPath)}
          and e.folder_id in ${params.visibleEvidence}
          and exists (select 1 from applied_control_requirements acr
                      join requirement_nodes n on n.id = acr.requirement_node_id
                      where acr.applied_control_id = ac.id and n.framework_id = ${params.frameworkId}::uuid)
        order by e.name, e.id`,
  );
}

/** Per assessment (deprecated left out) the count of each result, with its framework: one grouped query. */
export function assessmentResults(
  db: DbOrTx,
  params: { organizationId: string; visible: SQL; folderPath: string | null },
) {
  return selectRows<{
    id: string;
    name: string;
    status: 'planned' | 'in_progress' | 'in_review' | 'done';
    folder_id: string;
    framework_id: string;
    framework_name: string;
    result: RequirementResult | null;
    count: number | string;
  }>(
    db,
    sql`select ca.id, ca.name, ca.status, ca.folder_id, f.id as framework_id, f.name as framework_name,
               ra.result, count(ra.id)::int as count
        from compliance_assessments ca
        join frameworks f on f.id = ca.framework_id
        left join requirement_assessments ra on ra.assessment_id = ca.id
        where ca.organization_id = ${params.organizationId}::uuid
          and ca.status <> 'deprecated'
          and ca.folder_id in ${params.visible}
          and ${inSubtree(sql`ca.folder_id`, params.folderPath)}
        group by ca.id, f.id, ra.result
        order by f.name, ca.name, ca.id`,
  );
}

export function controlsByStatus(
  db: DbOrTx,
  params: { organizationId: string; visible: SQL; folderPath: string | null },
) {
  return selectRows<{ status: ControlStatus; count: number | string }>(
    db,
    sql`select ac.status, count(*)::int as count from applied_controls ac
        where ac.organization_id = ${params.organizationId}::uuid
          and ac.folder_id in ${params.visible}
          and ${inSubtree(sql`ac.folder_id`, params.folderPath)}
        group by ac.status`,
  );
}

/**
 * Expired and soon-expiring evidence in one statement: each row falls in one bucket, numbered within it, with
 * the bucket's total; only the first `top` of each come back.
 */
export function expiringEvidence(
  db: DbOrTx,
  params: {
    organizationId: string;
    visible: SQL;
    folderPath: string | null;
    today: string;
    horizon: string;
    top: number;
  },
) {
  return selectRows<{
    bucket: 'expired' | 'expiring';
    total: number | string;
    id: string;
    name: string;
    status: EvidenceStatus;
    valid_until: string | null;
    folder_id: string;
  }>(
    db,
    sql`select * from (
          select b.*, row_number() over (partition by b.bucket order by b.valid_until nulls last, b.name, b.id) as rn,
                 count(*) over (partition by b.bucket) as total
          from (
            select e.id, e.name, e.status, e.valid_until::text as valid_until, e.folder_id,
                   case when e.status = 'expired' or e.valid_until < ${params.today}::date then 'expired'
                        when e.valid_until <= ${params.horizon}::date then 'expiring' end as bucket
            from evidence e
            where e.organization_id = ${params.organizationId}::uuid
              and e.folder_id in ${params.visible}
              and ${inSubtree(sql`e.folder_id`, params.folderPath)}
          ) b
          where b.bucket is not null
        ) ranked
        where ranked.rn <= ${params.top}
        order by ranked.bucket, ranked.rn`,
  );
}
