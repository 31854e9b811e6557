import { sha256Hex } from '../../../../platform/crypto.js';
import {
  type FrameworkContent,
  type LibraryContent,
  LibraryFormatError,
  type RequirementNodeContent,
} from '../../library-content.js';
import { parseYamlLocated } from '../ciso-assistant/yaml-source.js';
import { MAX_REPORTED_ISSUES } from '../ciso-assistant/zod-issues.js';
import { linesOfPointers, parseJsonLocated, pointerOf } from '../oscal/json-text.js';
import {
  MAX_REQUIREMENT_DEPTH,
  type RampartFramework,
  type RampartLibrary,
  type RampartRequirement,
  rampartLibrarySchema,
} from './schema.js';

type Path = readonly PropertyKey[];
interface RawIssue {
  path: Path;
  message: string;
}

/** Raw nesting (objects and arrays) allowed before validation; requirement levels take two each. */
const MAX_RAW_NESTING = MAX_REQUIREMENT_DEPTH * 2 + 8;

/**
 * Reads Rampart's own library format (JSON or YAML, same structure) into format-neutral library content.
 * Issues carry a JSON pointer and, when it can be found, the line; all issues are reported at once.
 */
export function parseRampartLibrary(text: string, fileName: string): LibraryContent {
  const json = /\.json$/i.test(fileName) || /^\s*[{[]/.test(text);
  const yaml = json ? null : parseYamlLocated(text, fileName);
  const data = yaml ? yaml.data : parseJsonLocated(text, fileName);
  const fail = (raw: RawIssue[]): never => {
    const wanted = raw.slice(0, MAX_REPORTED_ISSUES);
    const lineOf = yaml ? (path: Path) => yaml.lineOf(path as (string | number)[]) : jsonLines(text, wanted);
    throw new LibraryFormatError(
      wanted.map((issue) => ({
        file: fileName,
        path: pointerOf(issue.path),
        line: lineOf(issue.path),
        message: issue.message,
      })),
    );
  };

  if (nestingOf(data) > MAX_RAW_NESTING) {
    fail([{ path: [], message: `Requirements are nested too deeply (at most ${MAX_REQUIREMENT_DEPTH} levels)` }]);
  }
  const parsed = rampartLibrarySchema.safeParse(data);
  if (!parsed.success) {
    fail(
      parsed.error.issues.flatMap((issue) =>
        issue.code === 'unrecognized_keys'
          ? issue.keys.map((key) => ({ path: [...issue.path, key], message: `Unknown field "${key}"` }))
          : [{ path: issue.path, message: issue.message }],
      ),
    );
  }
  const library = parsed.data as RampartLibrary;
  const raw = checkReferences(library);
  if (raw.length > 0) fail(raw);

  return {
    sourceFormat: 'rampart',
    sourceSha256: sha256Hex(text),
    frameworks: (library.frameworks ?? []).map(toFramework),
    referenceControls: (library.referenceControls ?? []).map((rc) => ({
      urn: rc.urn,
      refId: rc.refId ?? null,
      name: rc.name ?? null,
      description: rc.description ?? null,
      category: rc.category ?? null,
      csfFunction: rc.csfFunction ?? null,
      annotation: rc.annotation ?? null,
      provider: rc.provider ?? null,
      translations: rc.translations ?? null,
    })),
    mappingSets: (library.mappingSets ?? []).map((set) => ({
      urn: set.urn,
      refId: set.refId ?? null,
      name: set.name,
      description: set.description ?? null,
      sourceFrameworkUrn: set.sourceFrameworkUrn,
      targetFrameworkUrn: set.targetFrameworkUrn,
      provider: set.provider ?? null,
      rules: set.rules.map((rule) => ({
        sourceRequirementUrn: rule.source,
        targetRequirementUrn: rule.target,
        relationship: rule.relationship,
        rationale: rule.rationale ?? null,
        strength: rule.strength ?? null,
      })),
    })),
  };
}

/** What the JSON Schema cannot say: unique URNs, declared implementation groups, bounded depth. */
function checkReferences(library: RampartLibrary): RawIssue[] {
  const issues: RawIssue[] = [];
  const unique = (seen: Set<string>, urn: string, path: Path) => {
    if (seen.has(urn)) issues.push({ path: [...path, 'urn'], message: `Duplicate URN "${urn}"` });
    seen.add(urn);
  };
  const frameworkUrns = new Set<string>();
  (library.frameworks ?? []).forEach((fw, f) => {
    unique(frameworkUrns, fw.urn, ['frameworks', f]);
    const groups = new Set((fw.implementationGroups ?? []).map((g) => g.refId));
    const nodeUrns = new Set<string>();
    walk(fw.requirements, ['frameworks', f, 'requirements'], 1, (req, path, depth) => {
      unique(nodeUrns, req.urn, path);
      if (depth > MAX_REQUIREMENT_DEPTH) {
        issues.push({ path, message: `Requirements are nested too deeply (at most ${MAX_REQUIREMENT_DEPTH} levels)` });
      }
      (req.implementationGroups ?? []).forEach((group, g) => {
        if (!groups.has(group)) {
          issues.push({
            path: [...path, 'implementationGroups', g],
            message: `Implementation group "${group}" is not declared in the framework's implementationGroups`,
          });
        }
      });
    });
  });
  const controlUrns = new Set<string>();
  (library.referenceControls ?? []).forEach((rc, i) => {
    unique(controlUrns, rc.urn, ['referenceControls', i]);
  });
  const setUrns = new Set<string>();
  (library.mappingSets ?? []).forEach((set, i) => {
    unique(setUrns, set.urn, ['mappingSets', i]);
  });
  return issues;
}

function walk(
  requirements: RampartRequirement[],
  path: Path,
  depth: number,
  visit: (req: RampartRequirement, path: Path, depth: number) => void,
) {
  requirements.forEach((req, index) => {
    const here = [...path, index];
    visit(req, here, depth);
    if (req.requirements && depth <= MAX_REQUIREMENT_DEPTH)
      walk(req.requirements, [...here, 'requirements'], depth + 1, visit);
  });
}

function toFramework(fw: RampartFramework): FrameworkContent {
  const nodes: RequirementNodeContent[] = [];
  const flatten = (requirements: RampartRequirement[], parentUrn: string | null) => {
    for (const req of requirements) {
      const children = req.requirements ?? [];
      nodes.push({
        urn: req.urn,
        parentUrn,
        refId: req.refId ?? null,
        name: req.name ?? null,
        description: req.description ?? null,
        annotation: req.annotation ?? null,
        // Unsaid, a leaf is what gets assessed and a node with children is a heading.
        assessable: req.assessable ?? children.length === 0,
        implementationGroups: req.implementationGroups ?? [],
        weight: req.weight ?? 1,
        importance: req.importance ?? null,
        typicalEvidence: req.typicalEvidence ?? null,
        withdrawn: req.withdrawn ?? false,
        translations: req.translations ?? null,
        referenceControlUrns: req.referenceControls ?? [],
        extra: req.extra ?? null,
      });
      flatten(children, req.urn);
    }
  };
  flatten(fw.requirements, null);
  return {
    urn: fw.urn,
    refId: fw.refId,
    name: fw.name,
    description: fw.description ?? null,
    frameworkVersion: fw.version,
    provider: fw.provider ?? null,
    packager: fw.packager ?? null,
    locale: fw.locale ?? 'en',
    copyright: fw.copyright ?? null,
    implementationGroups: (fw.implementationGroups ?? []).map((g) => ({
      refId: g.refId,
      name: g.name,
      description: g.description ?? null,
    })),
    minScore: fw.minScore ?? null,
    maxScore: fw.maxScore ?? null,
    scoresDefinition: fw.scoresDefinition?.map((s) => ({ ...s, description: s.description ?? null })) ?? null,
    translations: fw.translations ?? null,
    nodes,
  };
}

/** Lines for JSON issues: the issue's own pointer when it exists, else its nearest existing ancestor. */
function jsonLines(text: string, issues: RawIssue[]) {
  const prefixes = issues.flatMap((issue) => issue.path.map((_, i) => pointerOf(issue.path.slice(0, i + 1))));
  const lines = linesOfPointers(text, [...new Set(['', ...prefixes])]);
  return (path: Path) => {
    for (let i = path.length; i >= 0; i--) {
      const line = lines.get(pointerOf(path.slice(0, i)));
      if (line !== undefined) return line;
    }
    return undefined;
  };
}

/** Iterative, so a hostile file cannot overflow the stack before it is refused. */
function nestingOf(value: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop() as [unknown, number];
    if (item === null || typeof item !== 'object') continue;
    max = Math.max(max, depth + 1);
    if (max > MAX_RAW_NESTING) return max;
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return max;
}
