import { listSearch, oneOfParam, textParam } from '../../app/ui/list/search-params';
import { threatCategories } from './use-threats';

export const threatSources = ['builtin', 'organization'] as const;

/** The threat catalogue's filters, kept in the URL (`/threats?category=deliberate`). */
export const validateThreatsSearch = listSearch({
  q: textParam(),
  category: oneOfParam(threatCategories),
  source: oneOfParam(threatSources),
});
