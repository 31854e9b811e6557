import { describe, expect, it } from 'vitest';
import { pathTo } from './graph-queries.js';
import { effectiveObjectives } from './inheritance.js';
import { categoryProblems, objectiveProblems, recoveryProblems, scaleProblems } from './objective-rules.js';
import { findCycle } from './transfer/cycles.js';

const scale = [
  { level: 0, name: 'Low' },
  { level: 1, name: 'High' },
];

describe('asset rules', () => {
  it('finds cycles and shortest paths', () => {
    expect(
      findCycle([
        { from: 'a', to: 'b' },
        { from: 'b', to: 'c' },
      ]),
    ).toBeNull();
    expect(
      findCycle([
        { from: 'a', to: 'b' },
        { from: 'b', to: 'c' },
        { from: 'c', to: 'a' },
      ]),
    ).toEqual(['a', 'b', 'c', 'a']);
    const chain = Array.from({ length: 50_000 }, (_, i) => ({ from: `n${i}`, to: `n${i + 1}` }));
    expect(findCycle(chain)).toBeNull();
    const edges = [
      { via: 's', id: 'a' },
      { via: 'a', id: 'b' },
      { via: 's', id: 'b' },
      { via: 'b', id: 's' },
    ];
    expect(pathTo('s', 'b', edges)).toEqual(['s', 'b']);
    expect(pathTo('s', 's', edges)).toEqual(['s', 'b', 's']);
    expect(pathTo('a', 'x', edges)).toBeNull();
  });

  it('takes the highest level up the graph and names its sources', () => {
    const edge = (via: string, id: string, name: string, level?: number, readable = true) => ({
      via,
      id,
      name,
      readable,
      securityObjectives: level === undefined ? {} : { integrity: level },
    });
    const self = { id: 's', name: 'Server', securityObjectives: { integrity: 1 } };
    const edges = [edge('s', 'a', 'App', 0), edge('a', 'p', 'Process', 3), edge('s', 'q', 'Hidden', 3, false)];
    expect(effectiveObjectives(self, ['integrity', 'safety'], edges)).toEqual([
      {
        objective: 'integrity',
        level: 3,
        own: 1,
        inherited: true,
        from: [
          { id: 'p', name: 'Process' },
          { id: 'q', name: null },
        ],
        path: ['Server', 'App', 'Process'],
      },
      { objective: 'safety', level: null, own: null, inherited: false, from: [], path: [] },
    ]);
    const higherOwn = { ...self, securityObjectives: { integrity: 3 } };
    expect(effectiveObjectives(higherOwn, ['integrity'], edges)[0]).toMatchObject({ level: 3, inherited: false });
  });

  it('checks scales, objectives, recovery times and categories', () => {
    expect(scaleProblems(scale)).toEqual([]);
    expect(scaleProblems([scale[0] as (typeof scale)[0]])).toHaveLength(1);
    expect(scaleProblems([...scale, { level: 1, name: '2' }]).map((p) => p.field)).toEqual([
      'body.objectiveScale.2.level',
      'body.objectiveScale.2.name',
    ]);
    const settings = { objectiveScale: scale, enabledObjectives: ['integrity' as const] };
    expect(objectiveProblems({ integrity: 1 }, settings)).toEqual([]);
    expect(objectiveProblems({ integrity: 2, safety: 0 }, settings).map((p) => p.field)).toEqual([
      'body.securityObjectives.integrity',
      'body.securityObjectives.safety',
    ]);
    expect(recoveryProblems({ rtoMinutes: 60, mtdMinutes: 60 })).toEqual([]);
    expect(recoveryProblems({ rtoMinutes: 60, mtdMinutes: 59 })).toHaveLength(1);
    expect(recoveryProblems({ rtoMinutes: null, mtdMinutes: 5 })).toEqual([]);
    expect(categoryProblems('primary', 'information')).toEqual([]);
    expect(categoryProblems('supporting', 'business_process')).toHaveLength(1);
    expect(categoryProblems('primary', null)).toEqual([]);
  });
});
