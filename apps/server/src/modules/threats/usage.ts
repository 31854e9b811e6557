import { type DeletionCheck, usageQuestion } from '../../platform/usage.js';
import type { Access } from '../access/index.js';

/**
 * "May a threat be deleted?" Asked by this module inside the deleting transaction, after it locked the row; the
 * modules whose records cite it answer, refusing with their own 409 (see `DeletionCheck`).
 */
export const threatDeletion = usageQuestion<DeletionCheck<Access>, Promise<void>>('threats.deletion');
