import { listSearch, oneOfParam, textParam } from '../../app/ui/list/search-params';
import { evidenceStatuses } from './use-evidence';

export const evidenceValidities = ['expiring', 'expired'] as const;

/** The evidence list's filters, kept in the URL (`/evidence?validity=expiring`). */
export const validateEvidenceSearch = listSearch({
  q: textParam(),
  status: oneOfParam(evidenceStatuses),
  validity: oneOfParam(evidenceValidities),
});
