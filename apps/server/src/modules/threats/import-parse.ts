import { z } from 'zod';
import type { Translations } from '../frameworks/index.js';
import { fileRejected, readLibraryYaml } from './yaml-import.js';

/** YAML turns `ref_id: 1.1` into a number; a reference id is text whatever the author meant. */
const str = (max: number) =>
  z
    .union([z.string(), z.number().transform((n) => String(n))])
    .pipe(z.string().trim().max(max, `Too long (at most ${max} characters)`));

const translations = z
  .record(z.string().max(10), z.record(z.string().max(100), z.union([z.string().max(20_000), z.null()])).nullable())
  .transform((value) => {
    const out: Translations = {};
    for (const [locale, fields] of Object.entries(value)) {
      const kept = Object.entries(fields ?? {}).filter((entry): entry is [string, string] => entry[1] !== null);
      if (kept.length > 0) out[locale] = Object.fromEntries(kept);
    }
    return out;
  });

const threatSchema = z.object({
  urn: z.string().trim().min(1, 'Must not be empty').max(300, 'Too long (at most 300 characters)'),
  ref_id: str(100).nullish(),
  name: str(300).nullish(),
  description: str(20_000).nullish(),
  translations: translations.nullish(),
});

/** Only what the threat import reads; other objects of the library (framework, matrices...) are left alone. */
const librarySchema = z.object({
  provider: str(200).nullish(),
  objects: z.object({ threats: z.array(threatSchema).max(5000).nullish() }),
});

export interface ImportedThreat {
  urn: string;
  refId: string | null;
  name: string;
  description: string | null;
  provider: string | null;
  translations: Translations | null;
}

/** The threats of a CISO Assistant library file, or a 400 locating every problem (YAML path and line). */
export function parseThreatLibrary(text: string, fileName: string): ImportedThreat[] {
  const { data, locate } = readLibraryYaml(text, fileName, librarySchema);
  const list = data.objects.threats ?? [];
  if (list.length === 0) {
    throw fileRejected([{ ...locate(['objects']), message: 'The library holds no threats (objects.threats)' }]);
  }
  const seen = new Map<string, number>();
  const issues = [];
  for (const [index, t] of list.entries()) {
    const first = seen.get(t.urn);
    if (first !== undefined) {
      issues.push({
        ...locate(['objects', 'threats', index, 'urn']),
        message: `Duplicate URN "${t.urn}" (also at objects.threats[${first}])`,
      });
    } else seen.set(t.urn, index);
    if (!t.name && !t.ref_id) {
      issues.push({ ...locate(['objects', 'threats', index]), message: 'A threat needs a name or a ref_id' });
    }
  }
  if (issues.length > 0) throw fileRejected(issues);
  return list.map((t) => ({
    urn: t.urn,
    refId: t.ref_id || null,
    name: t.name || t.ref_id || t.urn,
    description: t.description || null,
    provider: data.provider ?? null,
    translations: t.translations && Object.keys(t.translations).length > 0 ? t.translations : null,
  }));
}
