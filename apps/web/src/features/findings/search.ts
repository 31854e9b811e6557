import { flagParam, listSearch, oneOfParam, textParam } from '../../app/ui/list/search-params';
import { assessmentCategories, assessmentStatuses, findingStatuses, severities } from './use-findings';

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

/** Which tab is open: the findings (absent) or the findings assessments (`?tab=assessments`). */
export const validateFindingsTab = listSearch({ tab: oneOfParam(['assessments'] as const) });

/** The assessments tab's filters, in the URL beside the findings' own under names of their own. */
export const validateFindingsAssessmentsSearch = listSearch({
  assessmentQ: textParam(),
  assessmentCategory: oneOfParam(assessmentCategories),
  assessmentStatus: oneOfParam(assessmentStatuses),
});

/** The route's search: the open tab and both tabs' filters, each tab reading only its own. */
export const validateFindingsPageSearch = (search: Record<string, unknown>) => ({
  ...validateFindingsSearch(search),
  ...validateFindingsTab(search),
  ...validateFindingsAssessmentsSearch(search),
});
