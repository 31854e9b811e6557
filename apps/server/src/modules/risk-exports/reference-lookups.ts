import type { DbOrTx } from '../../platform/db/client.js';
import type { Access } from '../access/index.js';
import { peopleOf } from '../access/index.js';
// Owned by assets.
import { assets } from '../assets/index.js';
// Owned by controls.
import { appliedControls } from '../controls/index.js';
// Owned by threats.
import { threats } from '../threats/index.js';
import { type Ref, visibleAssets, visibleControls, visibleThreats } from './register-lookups.js';

export interface Member {
  id: string;
  email: string;
}

/** What an imported row may name: readable threats, assets and applied controls, and the active members. */
export interface ImportReferences {
  threats: Ref[];
  assets: Ref[];
  controls: Ref[];
  members: Member[];
}

export async function loadImportReferences(db: DbOrTx, access: Access): Promise<ImportReferences> {
  const ref = { id: threats.id, refId: threats.refId, name: threats.name };
  const threatRows = await db.select(ref).from(threats).where(visibleThreats(access));
  const assetRows = await db
    .select({ id: assets.id, refId: assets.refId, name: assets.name })
    .from(assets)
    .where(visibleAssets(access));
  const controlRows = await db
    .select({ id: appliedControls.id, refId: appliedControls.refId, name: appliedControls.name })
    .from(appliedControls)
    .where(visibleControls(access));
  const members = (await peopleOf(db, access.organizationId, { activeOnly: true })).map(({ id, email }) => ({
    id,
    email,
  }));
  return { threats: threatRows, assets: assetRows, controls: controlRows, members };
}
