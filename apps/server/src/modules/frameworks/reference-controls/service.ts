import type { Database } from '../../../platform/db/client.js';
import { notFound } from '../../../platform/errors.js';
import { type Cursor, toPage } from '../../../platform/http/pagination.js';
import type { Access } from '../../access/index.js';
import { requireFrameworkRead } from '../service.js';
import type { ReferenceControlDto } from './contracts.js';
import { toReferenceControlSummary } from './presenter.js';
import * as q from './queries.js';

/** More than any real library links one control from (CISO Assistant's most linked controls have a few hundred). */
const MAX_PROPOSING_REQUIREMENTS = 500;

/**
 * Reference controls come with the frameworks that propose them and are read-only library material: whoever may
 * browse frameworks (framework:read somewhere in the organisation) may browse them.
 */
export function createReferenceControlService(deps: { db: Database }) {
  const { db } = deps;

  return {
    async list(
      access: Access,
      params: { q?: string; category?: string; csfFunction?: string; cursor: Cursor | null; limit: number },
    ) {
      requireFrameworkRead(access);
      const rows = await q.listReferenceControls(db, { organizationId: access.organizationId, ...params });
      const page = toPage(rows, params.limit, (r) => r.urn);
      return { items: page.items.map(toReferenceControlSummary), nextCursor: page.nextCursor };
    },

    async get(access: Access, id: string): Promise<ReferenceControlDto> {
      requireFrameworkRead(access);
      const row = await q.findReferenceControl(db, access.organizationId, id);
      if (!row) throw notFound('Reference control');
      const proposing = await q.listProposingRequirements(
        db,
        access.organizationId,
        row.id,
        MAX_PROPOSING_REQUIREMENTS + 1,
      );
      return {
        ...toReferenceControlSummary(row),
        description: row.description,
        annotation: row.annotation,
        translations: row.translations ?? null,
        createdAt: row.createdAt,
        updatedAt: row.updatedAt,
        requirements: proposing.slice(0, MAX_PROPOSING_REQUIREMENTS).map((r) => ({
          id: r.id,
          urn: r.urn,
          refId: r.refId,
          name: r.name,
          framework: { id: r.frameworkId, name: r.frameworkName, frameworkVersion: r.frameworkVersion },
        })),
        requirementsTruncated: proposing.length > MAX_PROPOSING_REQUIREMENTS,
      };
    },
  };
}
