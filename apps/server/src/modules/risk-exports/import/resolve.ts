import type { Ref } from '../register-lookups.js';

export type Resolution = { id: string } | { problem: string };

/**
 * Finds the object a person meant by a ref id or a name (case-insensitive, ref id first). More than one candidate
 * is reported as ambiguous, never guessed.
 */
export function createResolver(objects: Ref[], what: string) {
  const index = (key: (o: Ref) => string | null) => {
    const map = new Map<string, Ref[]>();
    for (const o of objects) {
      const k = key(o)?.trim().toLowerCase();
      if (k) map.set(k, [...(map.get(k) ?? []), o]);
    }
    return map;
  };
  const byRef = index((o) => o.refId);
  const byName = index((o) => o.name);
  return (text: string): Resolution => {
    const key = text.trim().toLowerCase();
    for (const candidates of [byRef.get(key), byName.get(key)]) {
      if (!candidates || candidates.length === 0) continue;
      if (candidates.length > 1) return { problem: `"${text}" matches ${candidates.length} ${what}s` };
      return { id: (candidates[0] as Ref).id };
    }
    return { problem: `Unknown ${what} "${text}"` };
  };
}

/** The entries of a list cell, separated by ";" or line breaks, without blanks or repeats. */
export const splitList = (cell: string) => [
  ...new Set(
    cell
      .split(/[;\n]/)
      .map((part) => part.trim())
      .filter(Boolean),
  ),
];

/**
 * A rating cell → a scale index: empty is not rated (-1); else a point's name or abbreviation (case-insensitive),
 * or its 1-based number. Null when nothing matches.
 */
export function scaleIndex(scale: { name: string; abbreviation: string }[], text: string): number | null {
  const key = text.trim().toLowerCase();
  if (key === '') return -1;
  const byName = scale.findIndex((p) => p.name.trim().toLowerCase() === key);
  if (byName >= 0) return byName;
  const byAbbreviation = scale.findIndex((p) => p.abbreviation.trim().toLowerCase() === key);
  if (byAbbreviation >= 0) return byAbbreviation;
  if (/^\d+$/.test(key)) {
    const n = Number(key);
    if (n >= 1 && n <= scale.length) return n - 1;
  }
  return null;
}
