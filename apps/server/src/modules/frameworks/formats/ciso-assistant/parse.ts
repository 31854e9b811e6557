import type { z } from 'zod';
import { sha256Hex } from '../../../../platform/crypto.js';
import {
  type FrameworkContent,
  type LibraryContent,
  LibraryFormatError,
  type LibraryIssue,
  type MappingSetContent,
  type ReferenceControlContent,
  type RequirementNodeContent,
} from '../../library-content.js';
import type { ImplementationGroupDefinition } from '../../tables.js';
import { type CisoAssistantLibrary, librarySchema, type mappingSetSchema } from './schema.js';
import { orderDepthFirst } from './tree-order.js';
import { type LocatedYaml, type PathSegment, parseYamlLocated, yamlPath } from './yaml-source.js';
import { issuesFromZod, MAX_REPORTED_ISSUES } from './zod-issues.js';

/**
 * Reads a CISO Assistant library YAML into format-neutral library content. Everything wrong with the file is
 * reported together, each issue with its YAML path and line. Threats and risk matrices are accepted and left out.
 */
export function parseCisoAssistantLibrary(text: string, fileName: string): LibraryContent {
  const source = parseYamlLocated(text, fileName);
  const locate = (path: readonly PropertyKey[]) => ({
    path: yamlPath(path),
    line: source.lineOf(path as PathSegment[]),
  });
  const parsed = librarySchema.safeParse(source.data);
  if (!parsed.success) throw new LibraryFormatError(issuesFromZod(parsed.error, fileName, locate));
  const library = parsed.data;

  const issues: LibraryIssue[] = [];
  const framework = library.objects.framework ? toFramework(library, source, fileName, issues) : null;
  const referenceControls = (library.objects.reference_controls ?? []).map(
    (rc): ReferenceControlContent => ({
      urn: rc.urn,
      refId: rc.ref_id ?? null,
      name: rc.name ?? null,
      description: rc.description ?? null,
      category: rc.category ?? null,
      csfFunction: rc.csf_function ?? null,
      annotation: rc.annotation ?? null,
      provider: library.provider ?? null,
      translations: nonEmpty(rc.translations),
    }),
  );
  reportDuplicates(
    referenceControls.map((rc) => rc.urn),
    (index) => ['objects', 'reference_controls', index, 'urn'],
    source,
    fileName,
    issues,
  );

  const located = mappingSetsOf(library);
  const mappingSets = located.map(({ set }) => toMappingSet(set, library.provider));
  reportDuplicates(
    mappingSets.map((set) => set.urn),
    (index) => [...(located[index]?.path ?? []), 'urn'],
    source,
    fileName,
    issues,
  );
  if (!framework && referenceControls.length === 0 && mappingSets.length === 0) {
    issues.push({
      file: fileName,
      ...locate(['objects']),
      message:
        'Nothing to import: the library holds no framework, reference controls or mapping set (threats and risk matrices are not imported)',
    });
  }
  if (issues.length > 0) throw new LibraryFormatError(issues.slice(0, MAX_REPORTED_ISSUES));

  return {
    sourceFormat: 'ciso_assistant',
    sourceSha256: sha256Hex(text),
    frameworks: framework ? [framework] : [],
    referenceControls,
    mappingSets,
  };
}

function toFramework(
  library: CisoAssistantLibrary,
  source: LocatedYaml,
  file: string,
  issues: LibraryIssue[],
): FrameworkContent | null {
  const fw = library.objects.framework;
  if (!fw) return null;
  const nodesPath = ['objects', 'framework', 'requirement_nodes'];
  const flat = fw.requirement_nodes.map(
    (node): RequirementNodeContent => ({
      urn: node.urn,
      parentUrn: node.parent_urn ?? null,
      refId: node.ref_id ?? null,
      name: node.name ?? null,
      description: node.description ?? null,
      annotation: node.annotation ?? null,
      assessable: node.assessable,
      implementationGroups: node.implementation_groups ?? [],
      weight: node.weight ?? 1,
      importance: node.importance ? node.importance : null,
      typicalEvidence: node.typical_evidence ?? null,
      withdrawn: false,
      translations: nonEmpty(node.translations),
      referenceControlUrns: node.reference_controls ?? [],
      extra: null,
    }),
  );
  const { ordered, problems } = orderDepthFirst(flat);
  for (const problem of problems) {
    const path = [...nodesPath, problem.index, problem.field === 'urn' ? 'urn' : 'parent_urn'];
    issues.push({ file, path: yamlPath(path), line: source.lineOf(path), message: problem.message });
  }
  return {
    urn: fw.urn,
    refId: fw.ref_id,
    name: fw.name,
    description: fw.description ?? null,
    frameworkVersion: String(library.version),
    provider: library.provider ?? null,
    packager: library.packager ?? null,
    locale: library.locale,
    copyright: library.copyright ?? null,
    implementationGroups: groupsOf(fw.implementation_groups_definition ?? [], ordered),
    minScore: fw.min_score ?? null,
    maxScore: fw.max_score ?? null,
    scoresDefinition:
      fw.scores_definition?.map((s) => ({
        score: s.score,
        name: s.name,
        description: s.description ?? null,
      })) ?? null,
    translations: nonEmpty(fw.translations) ?? nonEmpty(library.translations),
    nodes: ordered,
  };
}

/**
 * The declared groups, plus any a node uses without declaring (CISO Assistant does not check): every group a
 * node names must exist for assessments to filter by it, and for a Rampart export to read back.
 */
function groupsOf(
  declared: { ref_id: string; name: string; description?: string | null }[],
  nodes: RequirementNodeContent[],
): ImplementationGroupDefinition[] {
  const groups = declared.map((g) => ({ refId: g.ref_id, name: g.name, description: g.description ?? null }));
  const known = new Set(groups.map((g) => g.refId));
  for (const node of nodes) {
    for (const refId of node.implementationGroups ?? []) {
      if (known.has(refId)) continue;
      known.add(refId);
      groups.push({ refId, name: refId, description: null });
    }
  }
  return groups;
}

type MappingSet = z.infer<typeof mappingSetSchema>;

/** Libraries write either a list (`requirement_mapping_sets`) or a single set (`requirement_mapping_set`). */
function mappingSetsOf(library: CisoAssistantLibrary): { set: MappingSet; path: PathSegment[] }[] {
  const sets = (library.objects.requirement_mapping_sets ?? []).map((set, index) => ({
    set,
    path: ['objects', 'requirement_mapping_sets', index] as PathSegment[],
  }));
  const single = library.objects.requirement_mapping_set;
  if (single) sets.push({ set: single, path: ['objects', 'requirement_mapping_set'] });
  return sets;
}

function toMappingSet(set: MappingSet, provider: string | null | undefined): MappingSetContent {
  return {
    urn: set.urn,
    refId: set.ref_id ?? null,
    name: set.name,
    description: set.description ?? null,
    sourceFrameworkUrn: set.source_framework_urn,
    targetFrameworkUrn: set.target_framework_urn,
    provider: provider ?? null,
    rules: set.requirement_mappings.map((m) => ({
      sourceRequirementUrn: m.source_requirement_urn,
      targetRequirementUrn: m.target_requirement_urn,
      relationship: m.relationship,
      rationale: m.rationale ?? null,
      strength: m.strength_of_relationship ?? null,
    })),
  };
}

function reportDuplicates(
  urns: string[],
  pathOf: (index: number) => PathSegment[],
  source: LocatedYaml,
  file: string,
  issues: LibraryIssue[],
) {
  const seen = new Map<string, number>();
  urns.forEach((urn, index) => {
    const first = seen.get(urn);
    if (first === undefined) {
      seen.set(urn, index);
      return;
    }
    const path = pathOf(index);
    issues.push({
      file,
      path: yamlPath(path),
      line: source.lineOf(path),
      message: `Duplicate URN "${urn}" (first at item ${first})`,
    });
  });
}

const nonEmpty = <T extends object>(value: T | null | undefined): T | null =>
  value && Object.keys(value).length > 0 ? value : null;
