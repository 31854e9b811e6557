import type { DbOrTx } from '../../platform/db/client.js';
import { notFound } from '../../platform/errors.js';
import type { Access, Permission } from '../access/index.js';
import { controlsForLinking, requirementAssessmentsForLinking } from './link-lookups.js';

export type LinkKind = 'requirementAssessments' | 'appliedControls';

const kinds: Record<
  LinkKind,
  {
    what: string;
    read: Permission;
    find: (db: DbOrTx, organizationId: string, ids: string[]) => Promise<{ id: string; folderPath: string }[]>;
  }
> = {
  requirementAssessments: {
    what: 'Requirement assessment',
    read: 'compliance_assessment:read',
    find: requirementAssessmentsForLinking,
  },
  appliedControls: { what: 'Applied control', read: 'applied_control:read', find: controlsForLinking },
};

export const linkNoun = (kind: LinkKind) => kinds[kind].what;

/** Which of `ids` the caller may read (a requirement assessment through its compliance assessment's folder). */
export async function readableTargets(db: DbOrTx, access: Access, kind: LinkKind, ids: string[]) {
  const { find, read } = kinds[kind];
  return new Set(
    (await find(db, access.organizationId, ids)).filter((r) => access.can(read, r.folderPath)).map((r) => r.id),
  );
}

/** The unique ids, or 404 when one is not a target the caller may read (its existence is not revealed). */
export async function checkLinkable(db: DbOrTx, access: Access, kind: LinkKind, ids: string[] | undefined) {
  const unique = [...new Set(ids ?? [])];
  const readable = await readableTargets(db, access, kind, unique);
  if (unique.some((id) => !readable.has(id))) throw notFound(kinds[kind].what);
  return unique;
}
