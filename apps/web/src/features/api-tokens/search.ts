import { flagParam, listSearch } from '../../app/ui/list/search-params';

/** The tokens list's filter, kept in the URL: `/tokens?all=true` lists every member's tokens. */
export const validateTokensSearch = listSearch({ all: flagParam });
