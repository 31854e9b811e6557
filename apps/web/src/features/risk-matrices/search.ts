import { listSearch, oneOfParam, textParam } from '../../app/ui/list/search-params';

export const matrixSources = ['builtin', 'organization'] as const;

/** The risk matrices list's filters, kept in the URL (`/risk-matrices?source=builtin`). */
export const validateMatricesSearch = listSearch({ q: textParam(), source: oneOfParam(matrixSources) });
