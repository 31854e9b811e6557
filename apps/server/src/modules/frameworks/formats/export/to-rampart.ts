import { stringify as toYaml } from 'yaml';
import type {
  FrameworkContent,
  MappingSetContent,
  ReferenceControlContent,
  RequirementNodeContent,
} from '../../library-content.js';
import {
  RAMPART_FORMAT,
  RAMPART_FORMAT_VERSION,
  type RampartFramework,
  type RampartLibrary,
  type RampartRequirement,
} from '../rampart/schema.js';

/** What an export holds; a whole LibraryContent fits, and so does one framework with the controls it links. */
export interface RampartExportInput {
  frameworks: readonly FrameworkContent[];
  referenceControls?: readonly ReferenceControlContent[];
  mappingSets?: readonly MappingSetContent[];
}

export interface RampartExportOptions {
  format?: 'json' | 'yaml';
}

/**
 * Writes library content in Rampart's own format (docs/formats/rampart-library.md). Nodes become a nested tree,
 * in the order given among siblings; empty values are left out so the file reads like a hand-written one, and
 * `assessable` is always written so the file does not depend on the importer's default.
 */
export function toRampartLibrary(input: RampartExportInput, options: RampartExportOptions = {}): string {
  const library: RampartLibrary = { format: RAMPART_FORMAT, formatVersion: RAMPART_FORMAT_VERSION };
  if (input.frameworks.length > 0) library.frameworks = input.frameworks.map(frameworkOf);
  if (input.referenceControls?.length) library.referenceControls = input.referenceControls.map(referenceControlOf);
  if (input.mappingSets?.length) library.mappingSets = input.mappingSets.map(mappingSetOf);
  return options.format === 'yaml'
    ? toYaml(library, { lineWidth: 0, aliasDuplicateObjects: false })
    : `${JSON.stringify(library, null, 2)}\n`;
}

function frameworkOf(fw: FrameworkContent): RampartFramework {
  return compact({
    urn: fw.urn,
    refId: fw.refId,
    name: fw.name,
    version: fw.frameworkVersion,
    description: fw.description,
    provider: fw.provider,
    packager: fw.packager,
    locale: fw.locale,
    copyright: fw.copyright,
    implementationGroups: fw.implementationGroups.length
      ? fw.implementationGroups.map((g) => compact({ refId: g.refId, name: g.name, description: g.description }))
      : undefined,
    minScore: fw.minScore,
    maxScore: fw.maxScore,
    scoresDefinition: fw.scoresDefinition?.length
      ? fw.scoresDefinition.map((s) => compact({ score: s.score, name: s.name, description: s.description }))
      : undefined,
    translations: nonEmpty(fw.translations),
    requirements: nestedRequirements(fw.nodes, fw.urn),
  }) as RampartFramework;
}

/** Parent-linked nodes to nested requirements; siblings keep their relative order in `nodes`. */
function nestedRequirements(nodes: readonly RequirementNodeContent[], frameworkUrn: string): RampartRequirement[] {
  const byUrn = new Map<string, RampartRequirement>();
  const roots: RampartRequirement[] = [];
  const children = new Map<string, RampartRequirement[]>();
  for (const node of nodes) byUrn.set(node.urn, requirementOf(node));
  for (const node of nodes) {
    const req = byUrn.get(node.urn) as RampartRequirement;
    if (!node.parentUrn) {
      roots.push(req);
      continue;
    }
    if (!byUrn.has(node.parentUrn)) {
      throw new Error(`Framework ${frameworkUrn}: node ${node.urn} has an unknown parent ${node.parentUrn}`);
    }
    const list = children.get(node.parentUrn);
    if (list) list.push(req);
    else children.set(node.parentUrn, [req]);
  }
  for (const [urn, list] of children) (byUrn.get(urn) as RampartRequirement).requirements = list;
  return roots;
}

function requirementOf(node: RequirementNodeContent): RampartRequirement {
  return compact({
    urn: node.urn,
    refId: node.refId || undefined,
    name: node.name,
    description: node.description,
    annotation: node.annotation,
    assessable: node.assessable,
    implementationGroups: node.implementationGroups?.length ? [...node.implementationGroups] : undefined,
    weight: node.weight === undefined || node.weight === 1 ? undefined : node.weight,
    importance: node.importance,
    typicalEvidence: node.typicalEvidence,
    withdrawn: node.withdrawn ? true : undefined,
    translations: nonEmpty(node.translations),
    referenceControls: node.referenceControlUrns?.length ? [...node.referenceControlUrns] : undefined,
    extra: nonEmpty(node.extra),
  }) as RampartRequirement;
}

function referenceControlOf(rc: ReferenceControlContent) {
  return compact({
    urn: rc.urn,
    refId: rc.refId || undefined,
    name: rc.name || undefined,
    description: rc.description,
    category: rc.category,
    csfFunction: rc.csfFunction,
    annotation: rc.annotation,
    provider: rc.provider,
    translations: nonEmpty(rc.translations),
  }) as NonNullable<RampartLibrary['referenceControls']>[number];
}

function mappingSetOf(set: MappingSetContent) {
  return compact({
    urn: set.urn,
    refId: set.refId || undefined,
    name: set.name,
    description: set.description,
    sourceFrameworkUrn: set.sourceFrameworkUrn,
    targetFrameworkUrn: set.targetFrameworkUrn,
    provider: set.provider,
    rules: set.rules.map((rule) =>
      compact({
        source: rule.sourceRequirementUrn,
        target: rule.targetRequirementUrn,
        relationship: rule.relationship,
        rationale: rule.rationale,
        strength: rule.strength,
      }),
    ),
  }) as NonNullable<RampartLibrary['mappingSets']>[number];
}

const nonEmpty = <T extends object>(value: T | null | undefined): T | undefined =>
  value && Object.keys(value).length > 0 ? value : undefined;

/** Drops null and undefined members: the format has optional fields, not nullable ones. */
function compact<T extends Record<string, unknown>>(value: T): { [K in keyof T]: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as {
    [K in keyof T]: Exclude<T[K], null>;
  };
}
