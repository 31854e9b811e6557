import { listSearch, oneOfParam, textParam } from '../../app/ui/list/search-params';
import { assessmentStatuses } from './use-risk-assessments';

/** The risk assessments list's filters, kept in the URL (`/risk-assessments?status=in_progress`). */
export const validateRiskAssessmentsSearch = listSearch({ q: textParam(), status: oneOfParam(assessmentStatuses) });
