import { listSearch, textParam } from '../../app/ui/list/search-params';

/** The members list's search, kept in the URL (`/members?q=carol`). */
export const validateMembersSearch = listSearch({ q: textParam() });
