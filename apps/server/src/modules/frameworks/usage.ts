import { type DeletionCheck, usageQuestion } from '../../platform/usage.js';
import type { Access } from '../access/index.js';

/**
 * "May a framework be deleted?" Asked by this module inside the deleting transaction, after it locked the row; the
 * modules whose records cite it answer, refusing with their own 409 (see `DeletionCheck`).
 */
export const frameworkDeletion = usageQuestion<DeletionCheck<Access>, Promise<void>>('frameworks.deletion');
