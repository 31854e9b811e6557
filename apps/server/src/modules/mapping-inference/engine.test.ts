import { describe, expect, it } from 'vitest';
import type { RequirementResult } from '../assessments/tables.js';
import { countOutcomes, type InferenceInput, infer, type MappingRuleInput } from './engine.js';
import type { Relationship } from './rules.js';

/** Frameworks A, B, C, ... with requirements `A:1`, `A:2`, ...; sets named `A-B`. */
const fw = (name: string) => `urn:fw:${name}`;
const req = (name: string) => `urn:req:${name}`;
const set = (from: string, to: string) => ({
  id: `${from}-${to}`,
  sourceFrameworkUrn: fw(from),
  targetFrameworkUrn: fw(to),
});
const rule = (setId: string, source: string, target: string, relationship: Relationship): MappingRuleInput => ({
  mappingSetId: setId,
  sourceRequirementUrn: req(source),
  targetRequirementUrn: req(target),
  relationship,
});
const assessment = (id: string, framework: string, results: Record<string, RequirementResult>) => ({
  assessmentId: id,
  frameworkUrn: fw(framework),
  results: Object.entries(results).map(([r, result]) => ({ requirementUrn: req(r), refId: r, result })),
});

function run(input: Omit<InferenceInput, 'target'> & { target: string; requirements: string[] }) {
  const output = infer({
    ...input,
    target: { frameworkUrn: fw(input.target), requirementUrns: input.requirements.map(req) },
  });
  const byUrn = Object.fromEntries(output.requirements.map((r) => [r.requirementUrn.replace('urn:req:', ''), r]));
  return { output, byUrn, result: (name: string) => byUrn[name]?.result ?? null };
}

describe('mapping inference engine', () => {
  it('carries each result through one set by its relationship and records the trace', () => {
    const { result, byUrn, output } = run({
      sources: [
        assessment('a1', 'A', { 'A:1': 'compliant', 'A:2': 'compliant', 'A:3': 'non_compliant', 'A:4': 'compliant' }),
      ],
      mappingSets: [set('A', 'B')],
      rules: [
        rule('A-B', 'A:1', 'B:1', 'equal'),
        rule('A-B', 'A:2', 'B:2', 'subset'),
        rule('A-B', 'A:3', 'B:3', 'superset'),
        rule('A-B', 'A:4', 'B:4', 'not_related'),
      ],
      target: 'B',
      requirements: ['B:1', 'B:2', 'B:3', 'B:4', 'B:5'],
    });
    expect(result('B:1')).toBe('compliant');
    expect(result('B:2')).toBe('partially_compliant');
    expect(result('B:3')).toBeNull(); // a failed superset may fail outside the target
    expect(byUrn['B:3']?.trace?.rule).toBe('undetermined');
    expect(byUrn['B:4']?.trace).toBeNull(); // not_related: the source does not even reach it
    expect(byUrn['B:5']?.trace).toBeNull();
    expect(byUrn['B:2']?.trace).toEqual({
      rule: 'subset:compliant→partially_compliant',
      sources: [
        {
          assessmentId: 'a1',
          requirementUrn: req('A:2'),
          refId: 'A:2',
          result: 'compliant',
          relationship: 'subset',
          mappingSetId: 'A-B',
          path: [req('A:2'), req('B:2')],
          carried: 'partially_compliant',
          hops: [{ mappingSetId: 'A-B', relationship: 'subset', reversed: false }],
        },
      ],
    });
    expect(countOutcomes(output.requirements)).toEqual({
      compliant: 1,
      partially_compliant: 1,
      non_compliant: 0,
      not_applicable: 0,
      undetermined: 1,
      unmapped: 2,
    });
  });

  it('reads a set backwards with subset and superset swapped', () => {
    // The set maps B onto A: "B:1 subset A:1" read from A is "A:1 superset B:1", so compliance carries whole.
    const { result, byUrn } = run({
      sources: [assessment('a1', 'A', { 'A:1': 'compliant', 'A:2': 'compliant' })],
      mappingSets: [set('B', 'A')],
      rules: [rule('B-A', 'B:1', 'A:1', 'subset'), rule('B-A', 'B:2', 'A:2', 'superset')],
      target: 'B',
      requirements: ['B:1', 'B:2'],
    });
    expect(result('B:1')).toBe('compliant');
    expect(result('B:2')).toBe('partially_compliant');
    expect(byUrn['B:1']?.trace?.sources[0]).toMatchObject({
      relationship: 'superset',
      hops: [{ mappingSetId: 'B-A', relationship: 'superset', reversed: true }],
    });
  });

  it('walks several sets, composing relationships: a weaker hop weakens the result', () => {
    const { result, byUrn } = run({
      sources: [
        assessment('a1', 'A', { 'A:1': 'compliant', 'A:2': 'compliant', 'A:3': 'compliant', 'A:4': 'compliant' }),
      ],
      mappingSets: [set('A', 'B'), set('B', 'C')],
      rules: [
        rule('A-B', 'A:1', 'B:1', 'equal'),
        rule('B-C', 'B:1', 'C:1', 'equal'),
        rule('A-B', 'A:2', 'B:2', 'intersect'),
        rule('B-C', 'B:2', 'C:2', 'equal'),
        // A:3 ⊂ B:3 ⊃ C:3: A:3 and C:3 may be disjoint halves of B:3, nothing can be said.
        rule('A-B', 'A:3', 'B:3', 'subset'),
        rule('B-C', 'B:3', 'C:3', 'superset'),
        // A:4 ⊃ B:4 ⊂ C:4: both contain B:4, they overlap.
        rule('A-B', 'A:4', 'B:4', 'superset'),
        rule('B-C', 'B:4', 'C:4', 'subset'),
      ],
      target: 'C',
      requirements: ['C:1', 'C:2', 'C:3', 'C:4'],
    });
    expect(result('C:1')).toBe('compliant');
    expect(byUrn['C:1']?.trace?.sources[0]?.path).toEqual([req('A:1'), req('B:1'), req('C:1')]);
    expect(byUrn['C:1']?.trace?.sources[0]?.mappingSetId).toBe('A-B');
    expect(result('C:2')).toBe('partially_compliant');
    expect(byUrn['C:3']?.trace).toBeNull();
    expect(result('C:4')).toBe('partially_compliant');
    expect(byUrn['C:4']?.trace?.sources[0]?.relationship).toBe('intersect');
  });

  it('prefers the shortest path and ignores longer ones', () => {
    const { result, byUrn } = run({
      sources: [assessment('a1', 'A', { 'A:1': 'compliant' })],
      mappingSets: [set('A', 'C'), set('A', 'B'), set('B', 'C')],
      rules: [
        rule('A-C', 'A:1', 'C:1', 'equal'),
        rule('A-B', 'A:1', 'B:1', 'equal'),
        rule('B-C', 'B:1', 'C:1', 'subset'),
      ],
      target: 'C',
      requirements: ['C:1'],
    });
    expect(result('C:1')).toBe('compliant');
    expect(byUrn['C:1']?.trace?.sources).toHaveLength(1);
  });

  it('never loops: cycles between frameworks and self-mappings end', () => {
    const { result, output } = run({
      sources: [assessment('a1', 'A', { 'A:1': 'compliant' })],
      mappingSets: [set('A', 'B'), set('B', 'A'), set('A', 'A'), set('B', 'B'), set('B', 'C')],
      rules: [
        rule('A-B', 'A:1', 'B:1', 'equal'),
        rule('B-A', 'B:1', 'A:1', 'equal'),
        rule('A-A', 'A:1', 'A:1', 'equal'),
        rule('B-B', 'B:1', 'B:1', 'equal'),
        rule('B-C', 'B:1', 'C:1', 'equal'),
      ],
      target: 'C',
      requirements: ['C:1'],
    });
    expect(result('C:1')).toBe('compliant');
    // A→B is reachable through two sets (A-B forwards and B-A backwards): the same requirements, the same way.
    expect(output.requirements[0]?.trace?.sources.length).toBe(1);
  });

  it('keeps two equally short paths as two sources and combines them', () => {
    const { result, byUrn } = run({
      sources: [assessment('a1', 'A', { 'A:1': 'compliant' })],
      mappingSets: [set('A', 'B'), set('B', 'D'), set('A', 'C'), set('C', 'D')],
      rules: [
        rule('A-B', 'A:1', 'B:1', 'equal'),
        rule('B-D', 'B:1', 'D:1', 'equal'),
        rule('A-C', 'A:1', 'C:1', 'equal'),
        rule('C-D', 'C:1', 'D:1', 'subset'),
      ],
      target: 'D',
      requirements: ['D:1'],
    });
    expect(result('D:1')).toBe('partially_compliant');
    expect(byUrn['D:1']?.trace?.rule).toBe('weakest-of-2(subset:compliant→partially_compliant)');
  });

  it('combines conflicting sources conservatively and keeps every source in the trace', () => {
    const { result, byUrn } = run({
      sources: [
        assessment('a1', 'A', { 'A:1': 'compliant' }),
        assessment('a2', 'A', { 'A:1': 'non_compliant' }),
        assessment('x1', 'X', { 'X:1': 'compliant' }),
      ],
      mappingSets: [set('A', 'B'), set('X', 'B')],
      rules: [rule('A-B', 'A:1', 'B:1', 'equal'), rule('X-B', 'X:1', 'B:1', 'superset')],
      target: 'B',
      requirements: ['B:1'],
    });
    expect(result('B:1')).toBe('non_compliant');
    expect(byUrn['B:1']?.trace?.sources.map((s) => [s.assessmentId, s.result, s.carried])).toEqual([
      ['a1', 'compliant', 'compliant'],
      ['a2', 'non_compliant', 'non_compliant'],
      ['x1', 'compliant', 'compliant'],
    ]);
  });

  it('treats not_applicable and not_assessed sources with care', () => {
    const { result, byUrn } = run({
      sources: [
        assessment('a1', 'A', {
          'A:1': 'not_applicable',
          'A:2': 'not_applicable',
          'A:3': 'not_applicable',
          'A:4': 'not_applicable',
          'A:5': 'not_assessed',
          'A:6': 'non_compliant',
        }),
        assessment('a2', 'A', { 'A:1': 'not_applicable', 'A:2': 'compliant' }),
      ],
      mappingSets: [set('A', 'B')],
      rules: [
        rule('A-B', 'A:1', 'B:1', 'equal'),
        rule('A-B', 'A:2', 'B:2', 'equal'),
        rule('A-B', 'A:3', 'B:3', 'subset'),
        rule('A-B', 'A:4', 'B:4', 'equal'),
        rule('A-B', 'A:6', 'B:4', 'superset'),
        rule('A-B', 'A:5', 'B:5', 'equal'),
      ],
      target: 'B',
      requirements: ['B:1', 'B:2', 'B:3', 'B:4', 'B:5'],
    });
    expect(result('B:1')).toBe('not_applicable'); // every source says so, through equal
    expect(result('B:2')).toBe('compliant'); // an assessed source outweighs one that set it aside
    expect(result('B:3')).toBeNull(); // applicability does not cross a subset
    expect(result('B:4')).toBeNull(); // a failed superset leaves doubt: not "not applicable"
    expect(byUrn['B:4']?.trace?.sources).toHaveLength(2);
    expect(byUrn['B:5']?.trace).toBeNull(); // not_assessed carries nothing and is not a source
  });

  it('ignores rules whose source has no result and whose target is not assessable in the target', () => {
    const { result, byUrn } = run({
      sources: [assessment('a1', 'A', { 'A:1': 'compliant' })],
      mappingSets: [set('A', 'B')],
      rules: [rule('A-B', 'A:9', 'B:1', 'equal'), rule('A-B', 'A:1', 'B:heading', 'equal')],
      target: 'B',
      requirements: ['B:1'],
    });
    expect(result('B:1')).toBeNull();
    expect(byUrn['B:1']?.trace).toBeNull();
    expect(byUrn['B:heading']).toBeUndefined();
  });

  it('counts a rule listed twice once', () => {
    const { byUrn } = run({
      sources: [assessment('a1', 'A', { 'A:1': 'partially_compliant' })],
      mappingSets: [set('A', 'B')],
      rules: [rule('A-B', 'A:1', 'B:1', 'equal'), rule('A-B', 'A:1', 'B:1', 'equal')],
      target: 'B',
      requirements: ['B:1'],
    });
    expect(byUrn['B:1']?.result).toBe('partially_compliant');
    expect(byUrn['B:1']?.trace?.sources).toHaveLength(1);
  });

  it('reports sources with no path to the target, the target itself, or too many hops away', () => {
    const chain = ['A', 'B', 'C', 'D', 'E', 'F'];
    const { output } = run({
      sources: [
        assessment('far', 'A', { 'A:1': 'compliant' }),
        assessment('island', 'Z', { 'Z:1': 'compliant' }),
        assessment('same', 'F', { 'F:1': 'compliant' }),
        assessment('near', 'E', { 'E:1': 'compliant' }),
      ],
      mappingSets: chain.slice(1).map((to, i) => set(chain[i] as string, to)),
      rules: chain.slice(1).map((to, i) => rule(`${chain[i]}-${to}`, `${chain[i]}:1`, `${to}:1`, 'equal')),
      target: 'F',
      requirements: ['F:1'],
    });
    expect(output.unreachableAssessmentIds).toEqual(['far', 'island', 'same']);
    expect(output.requirements[0]?.result).toBe('compliant');
    expect(output.mappingSetIdsByAssessment.get('near')).toEqual(['E-F']);
  });
});
