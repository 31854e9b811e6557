/**
 * A list page's filters live in the URL search, so Back, a refresh and a shared link all reopen the same view.
 * Values arrive from the address bar, where TanStack's parser has already turned `3` and `true` into JSON values,
 * and may have been edited by hand: each parameter keeps only a value the server accepts and drops anything else,
 * so a hand-made URL never breaks the page (the same rule as the register's `validateRegisterSearch`).
 */
export type ParamParser<T> = (value: unknown) => T | undefined;

/** Free text (the search box): trimmed, cut at the server's limit, empty means absent. */
export const textParam =
  (maxLength = 200): ParamParser<string> =>
  (value) => {
    const text = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
    return text.trim().slice(0, maxLength) || undefined;
  };

/** One value of a closed list (a status, a category). */
export const oneOfParam =
  <const T extends string>(values: readonly T[]): ParamParser<T> =>
  (value) =>
    values.find((v) => v === value);

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The id of a record (a folder, an owner); anything that is not a UUID is dropped rather than sent. */
export const idParam: ParamParser<string> = (value) =>
  typeof value === 'string' && uuid.test(value) ? value : undefined;

export type ListSearch<P extends Record<string, ParamParser<unknown>>> = {
  [K in keyof P]?: P[K] extends ParamParser<infer T> ? T : never;
};

/** A route's `validateSearch` from one parser per parameter; absent and invalid values are left out. */
export function listSearch<P extends Record<string, ParamParser<unknown>>>(params: P) {
  return (search: Record<string, unknown>): ListSearch<P> => {
    const result: Record<string, unknown> = {};
    for (const [name, parse] of Object.entries(params)) {
      const value = parse(search[name]);
      if (value !== undefined) result[name] = value;
    }
    return result as ListSearch<P>;
  };
}

/** An on/off filter, in the URL as `true` or absent (`?awaitingMe=true`). */
export const flagParam: ParamParser<true> = (value) => (value === true || value === 'true' ? true : undefined);

/** A whole number within the server's bounds (a scale index); text from a saved query string is read too. */
export const intParam =
  (min: number, max: number): ParamParser<number> =>
  (value) => {
    const n =
      typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
    return Number.isInteger(n) && n >= min && n <= max ? n : undefined;
  };

/** A calendar day as the date input writes it (`2026-12-31`); an impossible day is dropped. */
export const dateParam: ParamParser<string> = (value) => {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const day = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(value) ? value : undefined;
};

/** A sort order: one of the sortable fields, ascending (`name`) or descending (`-name`). */
export const sortParam =
  <const T extends string>(fields: readonly T[]): ParamParser<T | `-${T}`> =>
  (value) =>
    typeof value === 'string' && fields.some((field) => field === value.replace(/^-/, ''))
      ? (value as T | `-${T}`)
      : undefined;
