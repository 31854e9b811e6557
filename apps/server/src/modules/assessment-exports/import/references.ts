import { LINK_SEPARATOR, REF_NAME_SEPARATOR } from '../columns.js';

export interface Referable {
  id: string;
  refId: string | null;
  name: string;
}

export type Resolution<T> = { found: T } | { problem: string };

/**
 * Finds the object a person meant by one line of a links cell: the exported "REF — Name" form, a ref id alone or
 * a name alone (case-insensitive). More than one candidate is ambiguous and reported, never guessed.
 */
export function createResolver<T extends Referable>(objects: T[], what: string, byRefId: boolean) {
  const index = (key: (o: T) => string | null) => {
    const map = new Map<string, T[]>();
    for (const o of objects) {
      const k = key(o)?.trim().toLowerCase();
      if (!k) continue;
      map.set(k, [...(map.get(k) ?? []), o]);
    }
    return map;
  };
  const byName = index((o) => o.name);
  const byRef = byRefId ? index((o) => o.refId) : new Map<string, T[]>();
  const byLabel = byRefId ? index((o) => (o.refId ? `${o.refId}${REF_NAME_SEPARATOR}${o.name}` : null)) : new Map();

  return (text: string): Resolution<T> => {
    const key = text.trim().toLowerCase();
    for (const candidates of [byLabel.get(key), byRef.get(key), byName.get(key)]) {
      if (!candidates || candidates.length === 0) continue;
      if (candidates.length > 1) {
        return { problem: `"${text}" matches ${candidates.length} ${what}s; use the exact "ref id — name"` };
      }
      return { found: candidates[0] as T };
    }
    return { problem: `Unknown ${what} "${text}"` };
  };
}

/** The entries of a links cell: one per line; a line that is not an entry may list several with ";". */
export function splitLinks<T>(cell: string, resolve: (text: string) => Resolution<T>): Resolution<T>[] {
  const lines = cell
    .split(LINK_SEPARATOR)
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.flatMap((line) => {
    const whole = resolve(line);
    if ('found' in whole || !line.includes(';')) return [whole];
    const parts = line
      .split(';')
      .map((p) => p.trim())
      .filter(Boolean)
      .map(resolve);
    return parts.every((p) => 'found' in p) ? parts : [whole];
  });
}
