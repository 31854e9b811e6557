import { listSearch, oneOfParam, textParam } from '../../app/ui/list/search-params';
import { controlCategories, controlStatuses, csfFunctions } from './use-controls';

/** The controls list's filters, kept in the URL (`/controls?status=active&q=backup`). */
export const validateControlsSearch = listSearch({
  q: textParam(),
  status: oneOfParam(controlStatuses),
  category: oneOfParam(controlCategories),
  csfFunction: oneOfParam(csfFunctions),
});
