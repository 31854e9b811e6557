import { sha256Hex } from '../../../../platform/crypto.js';
import {
  type LibraryContent,
  LibraryFormatError,
  type LibraryIssue,
  type RequirementNodeContent,
} from '../../library-content.js';
import {
  type OscalControl,
  type OscalGroup,
  type OscalParam,
  type OscalPart,
  oscalCatalogDocument,
  shapeIssues,
} from './catalog-shape.js';
import { parseJsonLocated } from './json-text.js';
import { createParamRenderer, flattenPart, paramIndex, propValue } from './prose.js';

const OBJECTIVE_PARTS = new Set(['assessment-objective', 'objective']);
const SLUG_MAX = 120;

/** `NIST Special Publication 800-53 Revision 5: …` → `nist-special-publication-800-53-revision-5-…`. */
export function slugOf(value: string): string {
  const slug = value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= SLUG_MAX) return slug;
  // Cut at a word boundary so the URN does not end in half a word.
  const cut = slug.slice(0, SLUG_MAX + 1);
  return cut.slice(0, cut.lastIndexOf('-') > 0 ? cut.lastIndexOf('-') : SLUG_MAX);
}

/**
 * The framework URN of an OSCAL catalog. Made from the title, not the uuid: NIST gives every revision of a
 * catalog a new uuid, while the framework (a URN with several versions side by side) keeps its title.
 */
export const catalogUrn = (title: string, uuid: string) => `urn:oscal:catalog:${slugOf(title) || uuid.toLowerCase()}`;

/**
 * Reads a NIST OSCAL catalog (JSON) into one framework: groups become non-assessable nodes, controls and their
 * enhancements assessable nodes under their parent control; withdrawn controls are kept (flagged, not
 * assessable) so references to them still resolve. Pure: text in, LibraryContent out, or LibraryFormatError.
 */
export function parseOscalCatalog(text: string, fileName: string): LibraryContent {
  const json = parseJsonLocated(text, fileName);
  const parsed = oscalCatalogDocument.safeParse(json);
  if (!parsed.success) throw new LibraryFormatError(shapeIssues(parsed.error, text, fileName));
  const { catalog } = parsed.data;
  const base = catalogUrn(catalog.metadata.title, catalog.uuid);
  const nodes: RequirementNodeContent[] = [];
  const issues: LibraryIssue[] = [];
  const seen = new Map<string, string>();

  const claim = (urn: string, pointer: string) => {
    const earlier = seen.get(urn);
    if (earlier) issues.push({ file: fileName, path: pointer, message: `duplicate id (first at ${earlier})` });
    seen.set(urn, pointer);
  };

  const addControl = (
    control: OscalControl,
    parentUrn: string | null,
    chain: { params?: OscalParam[] }[],
    pointer: string,
    parentControlId: string | null = null,
  ) => {
    const urn = `${base}:${control.id.toLowerCase()}`;
    claim(urn, `${pointer}/id`);
    const lineage = [...chain, control];
    const render = createParamRenderer(paramIndex(lineage));
    const withdrawn = propValue(control.props, 'status')?.toLowerCase() === 'withdrawn';
    const parts = control.parts ?? [];
    const textOf = (names: Set<string>) =>
      joinParts(
        parts.filter((p) => names.has(p.name)),
        render,
      );
    const related = (control.links ?? []).filter((l) => l.rel === 'related').map((l) => l.href.replace(/^#/, ''));
    const incorporatedInto = (control.links ?? [])
      .filter((l) => l.rel === 'incorporated-into' || l.rel === 'moved-to')
      .map((l) => l.href.replace(/^#/, ''));
    const objectives = textOf(OBJECTIVE_PARTS);
    nodes.push({
      urn,
      parentUrn,
      refId: (propValue(control.props, 'label') ?? control.id.toUpperCase()).slice(0, 100),
      name: control.title,
      description: textOf(new Set(['statement'])) || null,
      annotation: textOf(new Set(['guidance'])) || null,
      assessable: !withdrawn,
      withdrawn,
      extra: compact({
        kind: 'control',
        oscalId: control.id,
        parentOscalId: parentControlId ?? undefined,
        sortId: propValue(control.props, 'sort-id'),
        class: control.class,
        params: control.params?.length ? control.params.map(paramSummary) : undefined,
        assessmentObjectives: objectives || undefined,
        related: related.length ? related : undefined,
        incorporatedInto: incorporatedInto.length ? incorporatedInto : undefined,
      }),
    });
    (control.controls ?? []).forEach((child, i) => {
      addControl(child, urn, lineage, `${pointer}/controls/${i}`, control.id.toLowerCase());
    });
  };

  const addGroup = (group: OscalGroup, parentUrn: string | null, pointer: string, index: number) => {
    const groupId = group.id ?? `${index + 1}`;
    const urn = `${base}:group:${groupId.toLowerCase()}`;
    claim(urn, `${pointer}/id`);
    const render = createParamRenderer(paramIndex([group]));
    nodes.push({
      urn,
      parentUrn,
      refId: (propValue(group.props, 'label') ?? groupId.toUpperCase()).slice(0, 100),
      name: group.title,
      description: joinParts(group.parts ?? [], render) || null,
      assessable: false,
      extra: compact({ kind: 'group', oscalId: group.id, class: group.class }),
    });
    (group.groups ?? []).forEach((child, i) => {
      addGroup(child, urn, `${pointer}/groups/${i}`, i);
    });
    (group.controls ?? []).forEach((control, i) => {
      addControl(control, urn, [group], `${pointer}/controls/${i}`);
    });
  };

  (catalog.groups ?? []).forEach((group, i) => {
    addGroup(group, null, `/catalog/groups/${i}`, i);
  });
  (catalog.controls ?? []).forEach((control, i) => {
    addControl(control, null, [{ params: catalog.params }], `/catalog/controls/${i}`);
  });
  if (nodes.length === 0)
    issues.push({ file: fileName, path: '/catalog', message: 'the catalog has no groups or controls' });
  const tooLong = nodes.find((n) => n.urn.length > 300);
  if (tooLong) issues.push({ file: fileName, path: '/catalog', message: `identifier too long: ${tooLong.urn}` });
  if (issues.length > 0) throw new LibraryFormatError(issues);

  const { title, version } = catalog.metadata;
  return {
    sourceFormat: 'oscal_catalog',
    sourceSha256: sha256Hex(text),
    frameworks: [
      {
        urn: base,
        refId: slugOf(title).slice(0, 100) || catalog.uuid,
        name: title.slice(0, 300),
        description: catalog.metadata.remarks ?? null,
        frameworkVersion: version,
        provider: null,
        implementationGroups: [],
        nodes,
      },
    ],
    referenceControls: [],
    mappingSets: [],
  };
}

function joinParts(parts: OscalPart[], render: (text: string) => string) {
  return parts
    .map((p) => flattenPart(p, render))
    .filter(Boolean)
    .join('\n\n');
}

const paramSummary = (p: OscalParam) =>
  compact({ id: p.id, label: p.label, choice: p.select?.choice, howMany: p.select?.['how-many'] });

function compact<T extends Record<string, unknown>>(value: T): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}
