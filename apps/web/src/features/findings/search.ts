import { flagParam, listSearch, oneOfParam, textParam } from '../../app/ui/list/search-params';
import { findingStatuses, severities } from './use-findings';

export const findingSorts = ['-severity', 'dueDate', '-identifiedAt', 'title', '-updatedAt'] as const;
/** Left out of the URL: the list is sorted by severity unless the reader picks another order. */
export const defaultFindingSort = '-severity';

/** The findings list's filters, kept in the URL (`/findings?severity=high&overdue=true`). */
export const validateFindingsSearch = listSearch({
  q: textParam(),
  severity: oneOfParam(severities),
  status: oneOfParam(findingStatuses),
  sort: oneOfParam(findingSorts),
  open: flagParam,
  overdue: flagParam,
});
