import { listSearch, textParam } from '../../app/ui/list/search-params';

/** The library's search, kept in the URL (`/library?q=iso`). */
export const validateLibrarySearch = listSearch({ q: textParam() });
