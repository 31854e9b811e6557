import { type DeletionCheck, usageQuestion } from '../../platform/usage.js';
import type { Access } from '../access/index.js';

/**
 * "May an asset be deleted?" Asked by this module inside the deleting transaction, after it locked the row; the
 * modules whose records cite it answer, refusing with their own 409 (see `DeletionCheck`).
 */
export const assetDeletion = usageQuestion<DeletionCheck<Access>, Promise<void>>('assets.deletion');
