import {
  idParam,
  intParam,
  listSearch,
  oneOfParam,
  type ParamParser,
  sortParam,
  textParam,
} from '../../app/ui/list/search-params';

/**
 * The register's filters live in the URL search, so a heat-map click, a saved filter and a shared link all open
 * the same view. Values arrive from the address bar (TanStack's parser turns `3` and `true` into JSON values) or
 * from a saved query string (all text): both go through `validateRegisterSearch`, which keeps only what the
 * server's `GET /risk-scenarios` accepts and drops the rest, so a hand-edited URL never breaks the page. The
 * parameters are the list kit's (`app/ui/list/search-params.ts`).
 */
export const treatments = ['open', 'mitigate', 'accept', 'avoid', 'transfer'] as const;
export const ratingKinds = ['inherent', 'current', 'residual'] as const;
export const sortFields = [
  'name',
  'refId',
  'inherentLevel',
  'currentLevel',
  'residualLevel',
  'treatment',
  'updatedAt',
] as const;

export type Treatment = (typeof treatments)[number];
export type RatingKind = (typeof ratingKinds)[number];
export type SortField = (typeof sortFields)[number];
export type SortValue = SortField | `-${SortField}`;

// `flagged` is sent to the server as text; the address bar turns it into a boolean, a saved query string does not.
const flaggedParam: ParamParser<'true' | 'false'> = (value) =>
  oneOfParam(['true', 'false'] as const)(typeof value === 'boolean' ? String(value) : value);

export const validateRegisterSearch = listSearch({
  riskAssessmentId: idParam,
  q: textParam(),
  treatment: oneOfParam(treatments),
  flagged: flaggedParam,
  ownerId: idParam,
  ratingKind: oneOfParam(ratingKinds),
  // The server's bounds (GET /risk-scenarios): a scale index up to 6, a level index up to 9; beyond them it answers
  // 400. -1 is "not rated".
  probability: intParam(-1, 6),
  impact: intParam(-1, 6),
  level: intParam(-1, 9),
  sort: sortParam(sortFields),
});

export type RegisterSearch = ReturnType<typeof validateRegisterSearch>;

/** The search as a plain query string, the form saved filters store (`treatment=mitigate&flagged=true`). */
export function toQueryString(search: RegisterSearch): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) if (value !== undefined) params.set(key, String(value));
  return params.toString();
}

export const fromQueryString = (query: string): RegisterSearch =>
  validateRegisterSearch(Object.fromEntries(new URLSearchParams(query)));

/** The heat-map part of the search (one cell or one level of one rating kind), shown as a removable chip. */
export const hasCellFilter = (search: RegisterSearch) =>
  search.probability !== undefined || search.impact !== undefined || search.level !== undefined;
