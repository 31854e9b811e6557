import { listSearch, oneOfParam, textParam } from '../../app/ui/list/search-params';
import { assessmentStatuses } from './use-assessments';

/** The compliance assessments list's filters, kept in the URL (`/assessments?status=in_review`). */
export const validateAssessmentsSearch = listSearch({ q: textParam(), status: oneOfParam(assessmentStatuses) });
