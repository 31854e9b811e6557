/**
 * The register's filters live in the URL search, so a heat-map click, a saved filter and a shared link all open
 * the same view. Values arrive from the address bar (TanStack's parser turns `3` and `true` into JSON values) or
 * from a saved query string (all text): both go through `validateRegisterSearch`, which keeps only what the
 * server's `GET /risk-scenarios` accepts and drops the rest, so a hand-edited URL never breaks the page.
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

export interface RegisterSearch {
  riskAssessmentId?: string;
  q?: string;
  treatment?: Treatment;
  flagged?: 'true' | 'false';
  ownerId?: string;
  ratingKind?: RatingKind;
  probability?: number;
  impact?: number;
  level?: number;
  sort?: SortValue;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const oneOf = <T extends string>(values: readonly T[], value: unknown): T | undefined =>
  values.find((v) => v === value);
const asId = (value: unknown) => (typeof value === 'string' && uuid.test(value) ? value : undefined);
// The server's bounds (GET /risk-scenarios): a scale index up to 6, a level index up to 9; beyond them it answers 400.
const asIndex = (value: unknown, max: number) => {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value !== '' ? Number(value) : Number.NaN;
  return Number.isInteger(n) && n >= -1 && n <= max ? n : undefined;
};

export function validateRegisterSearch(search: Record<string, unknown>): RegisterSearch {
  const q = typeof search.q === 'string' ? search.q.trim().slice(0, 200) : '';
  const sort = typeof search.sort === 'string' ? search.sort : '';
  const result: RegisterSearch = {
    riskAssessmentId: asId(search.riskAssessmentId),
    q: q || undefined,
    treatment: oneOf(treatments, search.treatment),
    flagged: oneOf(
      ['true', 'false'] as const,
      typeof search.flagged === 'boolean' ? String(search.flagged) : search.flagged,
    ),
    ownerId: asId(search.ownerId),
    ratingKind: oneOf(ratingKinds, search.ratingKind),
    probability: asIndex(search.probability, 6),
    impact: asIndex(search.impact, 6),
    level: asIndex(search.level, 9),
    sort: oneOf(sortFields, sort.replace(/^-/, '')) ? (sort as SortValue) : undefined,
  };
  return Object.fromEntries(Object.entries(result).filter(([, v]) => v !== undefined)) as RegisterSearch;
}

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
