import { type DeletionCheck, usageQuestion } from '../../platform/usage.js';
import type { Access } from '../access/index.js';

/**
 * "May evidence be deleted?" Asked by this module inside the deleting transaction, after it locked the row; the
 * modules whose records cite it answer, refusing with their own 409 (see `DeletionCheck`).
 */
export const evidenceDeletion = usageQuestion<DeletionCheck<Access>, Promise<void>>('evidence.deletion');
