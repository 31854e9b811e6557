import { z } from 'zod';
import { sha256Hex } from '../../../../platform/crypto.js';
import { LibraryFormatError } from '../../library-content.js';
import { shapeIssues } from './catalog-shape.js';
import { parseJsonLocated } from './json-text.js';

/**
 * An OSCAL profile (a baseline) selects controls of a catalog. Rampart keeps it as an implementation group of
 * the catalog's framework: LOW / MODERATE / HIGH become groups a requirement belongs to, so an assessment can be
 * restricted to a baseline. Parsing is pure; `applyProfile` resolves the selection against the stored framework.
 */
const selector = z.looseObject({
  'with-ids': z.array(z.string().min(1).max(200)).optional(),
  matching: z.array(z.looseObject({ pattern: z.string().min(1).max(200) })).optional(),
  'with-child-controls': z.enum(['yes', 'no']).optional(),
});
const profileDocument = z.looseObject({
  profile: z.looseObject({
    uuid: z.string().min(1).max(100),
    metadata: z.looseObject({ title: z.string().min(1).max(2000), version: z.string().max(50).optional() }),
    imports: z
      .array(
        z.looseObject({
          href: z.string().min(1).max(2000),
          'include-all': z.looseObject({}).optional(),
          'include-controls': z.array(selector).optional(),
          'exclude-controls': z.array(selector).optional(),
        }),
      )
      .min(1),
    'back-matter': z
      .looseObject({
        resources: z
          .array(
            z.looseObject({
              uuid: z.string().max(100),
              title: z.string().max(2000).optional(),
              description: z.string().max(5000).optional(),
              rlinks: z.array(z.looseObject({ href: z.string().max(2000) })).optional(),
            }),
          )
          .optional(),
      })
      .optional(),
  }),
});

export interface ControlSelector {
  ids: string[];
  patterns: RegExp[];
  withChildren: boolean;
}

export interface OscalProfileContent {
  sourceSha256: string;
  uuid: string;
  title: string;
  version: string | null;
  /** The implementation group this profile becomes. */
  group: { refId: string; name: string; description: string };
  /** What the profile says about the catalog it selects from: titles and file names to match a framework by. */
  catalogHints: string[];
  includeAll: boolean;
  include: ControlSelector[];
  exclude: ControlSelector[];
}

/** NIST's baselines are named by impact level; any other profile gets a group named after its title. */
/**
 * A baseline gets a short name people can scan in a badge ("Moderate impact baseline"); the profile's full title
 * stays as the group's description.
 */
function groupOf(title: string): { refId: string; name: string; description: string } {
  const refId = groupRefIdOf(title);
  const level = /\b(LOW|MODERATE|HIGH)\b/i.exec(title)?.[1];
  const name = level ? `${level.charAt(0).toUpperCase()}${level.slice(1).toLowerCase()} impact baseline` : title;
  return { refId, name: name.slice(0, 300), description: title.slice(0, 2000) };
}

export function groupRefIdOf(title: string): string {
  const level = /\b(LOW|MODERATE|HIGH)\b/i.exec(title)?.[1];
  if (level) return level.toUpperCase();
  if (/\bPRIVACY\b/i.test(title)) return 'PRIVACY';
  return (
    title
      .toUpperCase()
      .replace(/[^A-Z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 50) || 'PROFILE'
  );
}

const globToRegExp = (glob: string) =>
  new RegExp(
    `^${glob
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
    'i',
  );

const selectorOf = (s: z.infer<typeof selector>): ControlSelector => ({
  ids: (s['with-ids'] ?? []).map((id) => id.toLowerCase()),
  patterns: (s.matching ?? []).map((m) => globToRegExp(m.pattern)),
  withChildren: s['with-child-controls'] === 'yes',
});

export function parseOscalProfile(text: string, fileName: string): OscalProfileContent {
  const json = parseJsonLocated(text, fileName);
  const parsed = profileDocument.safeParse(json);
  if (!parsed.success) throw new LibraryFormatError(shapeIssues(parsed.error, text, fileName));
  const { profile } = parsed.data;
  const resources = new Map((profile['back-matter']?.resources ?? []).map((r) => [r.uuid, r]));
  const hints = new Set<string>();
  for (const imported of profile.imports) {
    const resource = imported.href.startsWith('#') ? resources.get(imported.href.slice(1)) : undefined;
    if (resource?.title) hints.add(resource.title);
    if (resource?.description) hints.add(resource.description);
    for (const href of [imported.href, ...(resource?.rlinks ?? []).map((l) => l.href)]) {
      const base = href
        .split(/[/\\]/)
        .pop()
        ?.replace(/\.(json|xml|ya?ml)$/i, '');
      if (base && !href.startsWith('#')) hints.add(base);
    }
  }
  const title = profile.metadata.title;
  return {
    sourceSha256: sha256Hex(text),
    uuid: profile.uuid,
    title,
    version: profile.metadata.version ?? null,
    group: groupOf(title),
    catalogHints: [...hints],
    includeAll: profile.imports.some((i) => i['include-all'] !== undefined),
    include: profile.imports.flatMap((i) => (i['include-controls'] ?? []).map(selectorOf)),
    exclude: profile.imports.flatMap((i) => (i['exclude-controls'] ?? []).map(selectorOf)),
  };
}

/**
 * The OSCAL ids a profile selects among a catalog's controls (given with their parent's id, in tree order):
 * include-all or the included ids/patterns (and their descendants when asked), minus the excluded ones.
 */
export function selectControls(
  profile: Pick<OscalProfileContent, 'includeAll' | 'include' | 'exclude'>,
  controls: { oscalId: string; parentOscalId: string | null }[],
): Set<string> {
  const matches = (selectors: ControlSelector[]) => {
    const chosen = new Set<string>();
    for (const c of controls) {
      const id = c.oscalId.toLowerCase();
      const parent = c.parentOscalId?.toLowerCase() ?? null;
      const direct = selectors.some((s) => s.ids.includes(id) || s.patterns.some((p) => p.test(id)));
      // Tree order: a parent is decided before its children.
      const inherited = parent !== null && chosen.has(parent) && selectors.some((s) => s.withChildren);
      if (direct || inherited) chosen.add(id);
    }
    return chosen;
  };
  const included = profile.includeAll
    ? new Set(controls.map((c) => c.oscalId.toLowerCase()))
    : matches(profile.include);
  for (const id of matches(profile.exclude)) included.delete(id);
  return included;
}
