import { z } from 'zod';
import type { LibraryIssue } from '../frameworks/index.js';
import { fileRejected, readLibraryYaml } from '../threats/index.js';
import { type MatrixDefinition, matrixDefinitionSchema } from './definition.js';

const str = (max: number) =>
  z
    .union([z.string(), z.number().transform((n) => String(n))])
    .pipe(z.string().trim().max(max, `Too long (at most ${max} characters)`));

const point = z.object({
  abbreviation: str(10).nullish(),
  name: str(100),
  description: str(2000).nullish(),
});

/** `#abc` is a valid CSS colour that CISO Assistant files sometimes use; the definition wants six digits. */
const hexcolor = z
  .string()
  .trim()
  .regex(/^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, 'a colour such as #ff0000')
  .transform((c) => (c.length === 4 ? `#${[...c.slice(1)].map((d) => d + d).join('')}` : c));

const matrixSchema = z.object({
  urn: z.string().trim().min(1, 'Must not be empty').max(300, 'Too long (at most 300 characters)'),
  ref_id: str(100).nullish(),
  name: str(300),
  description: str(20_000).nullish(),
  probability: z.array(point),
  impact: z.array(point),
  risk: z.array(point.extend({ hexcolor })),
  grid: z.array(z.array(z.number().int())),
});

const librarySchema = z.object({
  provider: str(200).nullish(),
  objects: z.object({
    // Libraries write a list; a single object is read as a list of one (a union would hide where it is wrong).
    risk_matrix: z
      .preprocess((v) => (v === null || v === undefined || Array.isArray(v) ? v : [v]), z.array(matrixSchema).max(100))
      .nullish(),
  }),
});

export interface ImportedMatrix {
  urn: string;
  refId: string | null;
  name: string;
  description: string | null;
  provider: string | null;
  definition: MatrixDefinition;
}

/** Without an abbreviation, the first letters of each word (CISO Assistant leaves it out at times). */
const abbreviate = (name: string) =>
  name
    .split(/\s+/)
    .map((w) => w.charAt(0).toUpperCase())
    .join('')
    .slice(0, 10) || name.slice(0, 10);

/** CISO Assistant writes `hexcolor`; a problem on `color` is reported at the file's field name. */
const fileField = (segment: PropertyKey) => (segment === 'color' ? 'hexcolor' : segment);

/**
 * The risk matrices (`objects.risk_matrix`, a list or one) of a CISO Assistant library, checked as Rampart
 * definitions (2×2 to 6×6, every grid cell a known level), or a 400 locating every problem (YAML path and line).
 */
export function parseMatrixLibrary(text: string, fileName: string): ImportedMatrix[] {
  const { data, locate } = readLibraryYaml(text, fileName, librarySchema);
  const list = data.objects.risk_matrix ?? [];
  const base = (i: number) => ['objects', 'risk_matrix', i];
  if (list.length === 0) {
    throw fileRejected([{ ...locate(['objects']), message: 'The library holds no risk matrix (objects.risk_matrix)' }]);
  }
  const issues: LibraryIssue[] = [];
  const seen = new Map<string, number>();
  const out: ImportedMatrix[] = [];
  for (const [index, m] of list.entries()) {
    const where = base(index);
    const first = seen.get(m.urn);
    if (first !== undefined) {
      issues.push({ ...locate([...where, 'urn']), message: `Duplicate URN "${m.urn}" (also matrix ${first + 1})` });
    } else seen.set(m.urn, index);
    const toPoint = (p: z.infer<typeof point>) => ({
      abbreviation: p.abbreviation || abbreviate(p.name),
      name: p.name,
      description: p.description ?? null,
    });
    const candidate = {
      probability: m.probability.map(toPoint),
      impact: m.impact.map(toPoint),
      risk: m.risk.map((r) => ({ ...toPoint(r), color: r.hexcolor })),
      grid: m.grid,
    };
    const checked = matrixDefinitionSchema.safeParse(candidate);
    if (!checked.success) {
      for (const issue of checked.error.issues) {
        issues.push({
          ...locate([...where, ...issue.path.map(fileField)] as (string | number)[]),
          message: issue.message,
        });
      }
      continue;
    }
    out.push({
      urn: m.urn,
      refId: m.ref_id || null,
      name: m.name,
      description: m.description || null,
      provider: data.provider ?? null,
      definition: checked.data,
    });
  }
  if (issues.length > 0) throw fileRejected(issues);
  return out;
}
