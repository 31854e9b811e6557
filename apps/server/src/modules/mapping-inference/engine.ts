import type { InferenceTrace, RequirementResult } from '../assessments/index.js';
import { type FrameworkPath, type MappingSetEdgeInput, planPaths } from './paths.js';
import { type CarriedResult, carry, combine, compose, invert, type Relationship, ruleName } from './rules.js';

/**
 * Mapping inference without a database: from the results of source assessments, through mapping rules, to a
 * proposed result per assessable requirement of the target framework, each with the trace of how it was reached.
 *
 * A source requirement's result travels along a chain of rules (one per hop on a shortest framework path, see
 * paths.ts); the chain's relationships are composed (rules.ts `compose`) and the source result is carried once
 * through the composed relationship (rules.ts `carry`). Every chain reaching a target requirement is a source in
 * its trace; the chains are combined conservatively (rules.ts `combine`: the weakest determined result wins).
 */
export interface SourceAssessmentInput {
  assessmentId: string;
  frameworkUrn: string;
  results: { requirementUrn: string; refId: string | null; result: RequirementResult }[];
}

export interface MappingRuleInput {
  mappingSetId: string;
  sourceRequirementUrn: string;
  targetRequirementUrn: string;
  relationship: Relationship;
}

export interface InferenceInput {
  sources: SourceAssessmentInput[];
  mappingSets: MappingSetEdgeInput[];
  /** The rules of the sets the paths use (others may be given; they are ignored). */
  rules: MappingRuleInput[];
  target: { frameworkUrn: string; requirementUrns: string[] };
}

/** One source of a trace, with the hop-by-hop detail beyond the stored trace's minimum. */
export type TraceSource = InferenceTrace['sources'][number] & {
  /** What this source alone carries to the target (null: nothing). */
  carried: CarriedResult | null;
  /** Every set crossed, in order, and the relationship as read in the walking direction. */
  hops: { mappingSetId: string; relationship: Relationship; reversed: boolean }[];
};

export interface TargetInference {
  requirementUrn: string;
  /** The proposed result, or null when the sources determine nothing. */
  result: CarriedResult | null;
  /** Null when no source reaches this requirement at all. */
  trace: { rule: string; sources: TraceSource[] } | null;
}

export interface InferenceOutput {
  requirements: TargetInference[];
  /** Source assessments whose framework has no path to the target (or is the target). */
  unreachableAssessmentIds: string[];
  /** Every mapping set some path uses. */
  mappingSetIdsByAssessment: Map<string, string[]>;
}

interface Chain {
  assessmentId: string;
  sourceUrn: string;
  refId: string | null;
  sourceResult: RequirementResult;
  currentUrn: string;
  relationship: Relationship;
  path: string[];
  hops: TraceSource['hops'];
}

/** Rules per set, deduplicated (a set listing a rule twice counts once), indexed by the end a walk enters from. */
function indexRules(rules: MappingRuleInput[]) {
  const seen = new Set<string>();
  const bySetAndEnd = new Map<string, MappingRuleInput[]>();
  const push = (key: string, rule: MappingRuleInput) => {
    const list = bySetAndEnd.get(key) ?? [];
    list.push(rule);
    bySetAndEnd.set(key, list);
  };
  for (const rule of rules) {
    const key = `${rule.mappingSetId}|${rule.sourceRequirementUrn}|${rule.targetRequirementUrn}|${rule.relationship}`;
    if (seen.has(key)) continue;
    seen.add(key);
    push(`${rule.mappingSetId}|fwd|${rule.sourceRequirementUrn}`, rule);
    push(`${rule.mappingSetId}|rev|${rule.targetRequirementUrn}`, rule);
  }
  return (mappingSetId: string, reversed: boolean, urn: string) =>
    bySetAndEnd.get(`${mappingSetId}|${reversed ? 'rev' : 'fwd'}|${urn}`) ?? [];
}

/** Walks one source assessment's results along its path, level by level; returns the chains reaching the target. */
function walk(source: SourceAssessmentInput, path: FrameworkPath, rulesFrom: ReturnType<typeof indexRules>): Chain[] {
  let chains: { framework: string; chain: Chain }[] = source.results
    .filter((r) => r.result !== 'not_assessed')
    .map((r) => ({
      framework: source.frameworkUrn,
      chain: {
        assessmentId: source.assessmentId,
        sourceUrn: r.requirementUrn,
        refId: r.refId,
        sourceResult: r.result,
        currentUrn: r.requirementUrn,
        relationship: 'equal' as Relationship,
        path: [r.requirementUrn],
        hops: [],
      },
    }));
  for (const level of path.levels) {
    const next: typeof chains = [];
    for (const { framework, chain } of chains) {
      for (const hop of level) {
        if (hop.from !== framework) continue;
        for (const rule of rulesFrom(hop.mappingSetId, hop.reversed, chain.currentUrn)) {
          const relationship = hop.reversed ? invert(rule.relationship) : rule.relationship;
          const composed = compose(chain.relationship, relationship);
          // A chain whose relationship set logic cannot tell is dropped; one that carries nothing is kept, so the
          // trace shows every source that reached the target (and a lone not_applicable cannot outvote it).
          if (composed === null) continue;
          const nextUrn = hop.reversed ? rule.sourceRequirementUrn : rule.targetRequirementUrn;
          if (chain.path.includes(nextUrn)) continue; // a requirement URN shared by two frameworks: no loops
          next.push({
            framework: hop.to,
            chain: {
              ...chain,
              currentUrn: nextUrn,
              relationship: composed,
              path: [...chain.path, nextUrn],
              hops: [...chain.hops, { mappingSetId: hop.mappingSetId, relationship, reversed: hop.reversed }],
            },
          });
        }
      }
    }
    chains = next;
  }
  return chains.map((c) => c.chain);
}

function toTraceSource(chain: Chain): TraceSource {
  return {
    assessmentId: chain.assessmentId,
    requirementUrn: chain.sourceUrn,
    refId: chain.refId,
    result: chain.sourceResult,
    relationship: chain.relationship,
    mappingSetId: chain.hops[0]?.mappingSetId ?? '',
    path: chain.path,
    carried: carry(chain.relationship, chain.sourceResult),
    hops: chain.hops,
  };
}

export function infer(input: InferenceInput): InferenceOutput {
  const paths = planPaths(
    input.mappingSets,
    input.sources.map((s) => s.frameworkUrn),
    input.target.frameworkUrn,
  );
  const rulesFrom = indexRules(input.rules);
  const targetUrns = new Set(input.target.requirementUrns);
  const chainsByTarget = new Map<string, Map<string, Chain>>();
  const unreachableAssessmentIds: string[] = [];
  const mappingSetIdsByAssessment = new Map<string, string[]>();

  for (const source of input.sources) {
    const path = paths.get(source.frameworkUrn);
    if (!path) {
      unreachableAssessmentIds.push(source.assessmentId);
      continue;
    }
    const used = new Set<string>();
    for (const chain of walk(source, path, rulesFrom)) {
      if (!targetUrns.has(chain.currentUrn)) continue;
      // Two sets connecting the same requirements the same way are one source, not two.
      const key = `${chain.assessmentId}|${chain.path.join('>')}|${chain.relationship}`;
      const forTarget = chainsByTarget.get(chain.currentUrn) ?? new Map<string, Chain>();
      if (!forTarget.has(key)) forTarget.set(key, chain);
      chainsByTarget.set(chain.currentUrn, forTarget);
      for (const hop of chain.hops) used.add(hop.mappingSetId);
    }
    mappingSetIdsByAssessment.set(source.assessmentId, [...used]);
  }

  const requirements = input.target.requirementUrns.map((requirementUrn): TargetInference => {
    const chains = [...(chainsByTarget.get(requirementUrn)?.values() ?? [])];
    if (chains.length === 0) return { requirementUrn, result: null, trace: null };
    const sources = chains.map(toTraceSource);
    const combined = combine(sources.map((s) => s.carried));
    const decider = combined.decidingIndex === null ? null : sources[combined.decidingIndex];
    const rule =
      combined.result && decider ? ruleName(decider.relationship, decider.result, combined.result) : 'undetermined';
    return {
      requirementUrn,
      result: combined.result,
      trace: { rule: sources.length > 1 ? `weakest-of-${sources.length}(${rule})` : rule, sources },
    };
  });
  return { requirements, unreachableAssessmentIds, mappingSetIdsByAssessment };
}

export type InferenceCounts = Record<CarriedResult | 'undetermined' | 'unmapped', number>;

/** How many target requirements each outcome gets: what the preview shows before anything is written. */
export function countOutcomes(requirements: TargetInference[]): InferenceCounts {
  const counts: InferenceCounts = {
    compliant: 0,
    partially_compliant: 0,
    non_compliant: 0,
    not_applicable: 0,
    undetermined: 0,
    unmapped: 0,
  };
  for (const r of requirements) {
    if (r.result) counts[r.result]++;
    else if (r.trace) counts.undetermined++;
    else counts.unmapped++;
  }
  return counts;
}
