import { createHash } from 'node:crypto';
import type { FrameworkContent, RequirementNodeContent } from '../../library-content.js';

/** Namespace of the props only Rampart reads back (OSCAL requires custom props to carry their own ns). */
export const RAMPART_OSCAL_NS = 'https://rampart.dev/ns/oscal';
const OSCAL_VERSION = '1.1.2';

interface Prop {
  name: string;
  value: string;
  ns?: string;
}
interface Part {
  id: string;
  name: string;
  prose: string;
}
interface Param {
  id: string;
  label?: string;
  select?: { 'how-many'?: string; choice?: string[] };
}
export interface OscalControlOut {
  id: string;
  class?: string;
  title: string;
  params?: Param[];
  props: Prop[];
  links?: { href: string; rel: string }[];
  parts?: Part[];
  controls?: OscalControlOut[];
}
export interface OscalGroupOut {
  id: string;
  class?: string;
  title: string;
  props: Prop[];
  parts?: Part[];
  groups?: OscalGroupOut[];
  controls?: OscalControlOut[];
}
export interface OscalCatalogOut {
  catalog: {
    uuid: string;
    metadata: { title: string; 'last-modified': string; version: string; 'oscal-version': string; remarks?: string };
    groups?: OscalGroupOut[];
    controls?: OscalControlOut[];
  };
}

export interface OscalExportOptions {
  /** Defaults to now; pass a fixed date for reproducible output. */
  lastModified?: Date;
}

/**
 * A framework as an OSCAL catalog (JSON object; serialise with JSON.stringify). Headings (non-assessable nodes
 * whose ancestors are all headings) become groups, everything else controls, children nested. Ids, sort ids,
 * params and links that came from an OSCAL import (`extra`) are written back, so an imported catalog exports to
 * the same identifiers; otherwise ids are derived from ref ids. The catalog uuid is derived from the framework's
 * URN and version, so exporting the same framework twice yields the same document.
 */
export function toOscalCatalog(framework: FrameworkContent, options: OscalExportOptions = {}): OscalCatalogOut {
  const children = new Map<string | null, RequirementNodeContent[]>();
  for (const node of framework.nodes) {
    const key = node.parentUrn ?? null;
    const list = children.get(key);
    if (list) list.push(node);
    else children.set(key, [node]);
  }
  const ids = new Set<string>();
  const idOf = (node: RequirementNodeContent) => uniqueId(ids, oscalIdOf(node));

  const control = (node: RequirementNodeContent, sortPrefix: string): OscalControlOut => {
    const id = idOf(node);
    const extra = node.extra ?? {};
    const kids = children.get(node.urn) ?? [];
    return compact({
      id,
      class: stringOr(extra.class),
      title: titleOf(node),
      params: paramsOf(extra.params),
      props: propsOf(node, sortPrefix, true),
      links: linksOf(extra),
      parts: partsOf(id, node, stringOr(extra.assessmentObjectives)),
      controls: kids.length ? kids.map((kid, i) => control(kid, `${sortPrefix}.${pad(i)}`)) : undefined,
    }) as OscalControlOut;
  };

  const group = (node: RequirementNodeContent, sortPrefix: string): OscalGroupOut => {
    const id = idOf(node);
    const { groups: subgroups, controls } = splitSiblings(children.get(node.urn) ?? []);
    return compact({
      id,
      class: stringOr(node.extra?.class),
      title: titleOf(node),
      props: propsOf(node, sortPrefix, false),
      parts: node.description ? [{ id: `${id}_ovw`, name: 'overview', prose: node.description }] : undefined,
      groups: subgroups.length ? subgroups.map((kid, i) => group(kid, `${sortPrefix}.${pad(i)}`)) : undefined,
      controls: controls.length
        ? controls.map((kid, i) => control(kid, `${sortPrefix}.${pad(i + subgroups.length)}`))
        : undefined,
    }) as OscalGroupOut;
  };

  const roots = splitSiblings(children.get(null) ?? []);
  const groups = roots.groups.map((node, i) => group(node, pad(i)));
  const controls = roots.controls.map((node, i) => control(node, pad(i + roots.groups.length)));
  return {
    catalog: compact({
      uuid: uuidFrom(`${framework.urn}@${framework.frameworkVersion}`),
      metadata: compact({
        title: framework.name,
        'last-modified': (options.lastModified ?? new Date()).toISOString(),
        version: framework.frameworkVersion,
        'oscal-version': OSCAL_VERSION,
        remarks: framework.description ?? undefined,
      }),
      groups: groups.length ? groups : undefined,
      controls: controls.length ? controls : undefined,
    }) as OscalCatalogOut['catalog'],
  };
}

/**
 * OSCAL lists a group's subgroups before its controls, so only the headings that open a sibling list can be
 * groups; a heading after a control stays a control (flagged not assessable) to keep the framework's order.
 */
function splitSiblings(siblings: RequirementNodeContent[]) {
  const firstControl = siblings.findIndex((node) => !isHeading(node));
  const cut = firstControl === -1 ? siblings.length : firstControl;
  return { groups: siblings.slice(0, cut), controls: siblings.slice(cut) };
}

/**
 * A heading becomes a group. What an OSCAL import marked wins (a withdrawn 800-53 control is not assessable
 * yet is still a control); otherwise a non-assessable, non-withdrawn node is a heading. Nodes under a control
 * are always controls, since OSCAL controls cannot hold groups; the caller only asks for roots and group kids.
 */
function isHeading(node: RequirementNodeContent): boolean {
  const kind = node.extra?.kind;
  if (kind === 'group') return true;
  if (kind === 'control') return false;
  return !node.assessable && !node.withdrawn;
}

function propsOf(node: RequirementNodeContent, sortPrefix: string, isControl: boolean): Prop[] {
  const props: Prop[] = [];
  if (node.refId) props.push({ name: 'label', value: node.refId });
  props.push({ name: 'sort-id', value: stringOr(node.extra?.sortId) ?? sortPrefix });
  if (isControl && node.withdrawn) props.push({ name: 'status', value: 'withdrawn' });
  // Only where OSCAL's own structure would say otherwise: a control that is a heading, a withdrawn one aside.
  if (isControl && !node.assessable && !node.withdrawn) {
    props.push({ name: 'assessable', value: 'false', ns: RAMPART_OSCAL_NS });
  }
  for (const group of node.implementationGroups ?? []) {
    props.push({ name: 'implementation-group', value: group, ns: RAMPART_OSCAL_NS });
  }
  props.push({ name: 'urn', value: node.urn, ns: RAMPART_OSCAL_NS });
  return props;
}

function partsOf(id: string, node: RequirementNodeContent, objectives: string | undefined): Part[] | undefined {
  const parts: Part[] = [];
  if (node.description) parts.push({ id: `${id}_smt`, name: 'statement', prose: node.description });
  if (node.annotation) parts.push({ id: `${id}_gdn`, name: 'guidance', prose: node.annotation });
  if (objectives) parts.push({ id: `${id}_obj`, name: 'assessment-objective', prose: objectives });
  return parts.length ? parts : undefined;
}

function paramsOf(value: unknown): Param[] | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const params = value.flatMap((p): Param[] => {
    if (!p || typeof p !== 'object' || typeof p.id !== 'string') return [];
    const choice = Array.isArray(p.choice) ? p.choice.filter((c: unknown) => typeof c === 'string') : undefined;
    return [
      compact({
        id: p.id,
        label: stringOr(p.label),
        select: choice ? compact({ 'how-many': stringOr(p.howMany), choice }) : undefined,
      }) as Param,
    ];
  });
  return params.length ? params : undefined;
}

function linksOf(extra: Record<string, unknown>) {
  const links: { href: string; rel: string }[] = [];
  const add = (ids: unknown, rel: string) => {
    if (Array.isArray(ids)) for (const id of ids) if (typeof id === 'string') links.push({ href: `#${id}`, rel });
  };
  add(extra.related, 'related');
  add(extra.incorporatedInto, 'incorporated-into');
  return links.length ? links : undefined;
}

/** OSCAL ids are tokens: a letter or underscore first, then letters, digits, '.', '-', '_'. */
function oscalIdOf(node: RequirementNodeContent): string {
  const original = stringOr(node.extra?.oscalId);
  if (original && TOKEN.test(original)) return original;
  const base = (node.refId || node.urn.split(':').pop() || 'node')
    .toLowerCase()
    .replace(/[()]/g, '.')
    .replace(/[^\p{L}\p{N}._-]+/gu, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  return /^[\p{L}_]/u.test(base) ? base : `n-${base || 'node'}`;
}
const TOKEN = /^[\p{L}_][\p{L}\p{N}._-]*$/u;

function uniqueId(taken: Set<string>, wanted: string): string {
  let id = wanted;
  for (let n = 2; taken.has(id); n++) id = `${wanted}-${n}`;
  taken.add(id);
  return id;
}

const titleOf = (node: RequirementNodeContent) => node.name || node.refId || node.urn;
const pad = (index: number) => String(index + 1).padStart(3, '0');
const stringOr = (value: unknown) => (typeof value === 'string' && value.length > 0 ? value : undefined);

/** RFC 4122 version-5 style UUID (SHA-1 of a name), so the same framework always exports the same uuid. */
function uuidFrom(name: string): string {
  const hex = createHash('sha1').update(`rampart:${name}`).digest('hex');
  const variant = ((Number.parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function compact<T extends Record<string, unknown>>(value: T): { [K in keyof T]: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as {
    [K in keyof T]: Exclude<T[K], null>;
  };
}
