import { describe, expect, it } from 'vitest';
import { type CurrentRequirement, compareVersionLabels, planUpgrade, type TargetNode } from './upgrade-plan.js';

const ra = (urn: string, over: Partial<CurrentRequirement> = {}): CurrentRequirement => ({
  raId: `ra-${urn}`,
  urn,
  refId: urn.toUpperCase(),
  name: urn,
  description: null,
  annotation: null,
  parentUrn: 's',
  implementationGroups: ['g1'],
  result: 'not_assessed',
  status: 'to_do',
  score: null,
  isScored: false,
  observation: null,
  inferred: false,
  evidenceIds: [],
  controlIds: [],
  visibleEvidenceCount: 0,
  visibleControlCount: 0,
  ...over,
});

const node = (urn: string, over: Partial<TargetNode> = {}): TargetNode => ({
  id: `node-${urn}`,
  urn,
  refId: urn.toUpperCase(),
  name: urn,
  description: null,
  annotation: null,
  parentUrn: 's',
  implementationGroups: ['g1'],
  assessable: true,
  withdrawn: false,
  ...over,
});

describe('planUpgrade', () => {
  it('removes with the reason, keeps and reports changes, adds in-scope assessable nodes only', () => {
    const plan = planUpgrade({
      current: [ra('same'), ra('moved', { score: 4 }), ra('gone'), ra('withdrawn'), ra('structural'), ra('regrouped')],
      target: [
        node('s', { parentUrn: null, assessable: false }),
        node('same'),
        node('moved', { parentUrn: 'other', description: 'new text', implementationGroups: ['g1', 'g2'] }),
        node('withdrawn', { withdrawn: true }),
        node('structural', { assessable: false }),
        node('regrouped', { implementationGroups: ['g2'] }),
        node('new'),
        node('new-out', { implementationGroups: ['g2'] }),
        node('new-withdrawn', { withdrawn: true }),
      ],
      scope: ['g1'],
      scale: { minScore: 0, maxScore: 3 },
    });
    expect(plan.kept).toEqual([
      { raId: 'ra-same', nodeId: 'node-same' },
      { raId: 'ra-moved', nodeId: 'node-moved' },
    ]);
    expect(plan.removed.map((r) => [r.urn, r.reason])).toEqual([
      ['gone', 'deleted'],
      ['withdrawn', 'withdrawn'],
      ['structural', 'not_assessable'],
      ['regrouped', 'out_of_scope'],
    ]);
    expect(plan.changed).toEqual([
      {
        urn: 'moved',
        refId: 'MOVED',
        nameBefore: 'moved',
        nameAfter: 'moved',
        changes: ['description', 'parent', 'implementationGroups'],
      },
    ]);
    expect(plan.unchangedCount).toBe(1);
    expect(plan.added.map((a) => a.urn)).toEqual(['new']);
    expect(plan.scoresCleared).toEqual([{ raId: 'ra-moved', urn: 'moved', refId: 'MOVED', score: 4 }]);
  });

  it('clears every score when the target has no scale, and keeps those that fit', () => {
    const current = [ra('a', { score: 0 }), ra('b', { score: 3 })];
    const target = [node('a'), node('b')];
    expect(
      planUpgrade({ current, target, scope: [], scale: { minScore: null, maxScore: null } }).scoresCleared,
    ).toHaveLength(2);
    expect(planUpgrade({ current, target, scope: [], scale: { minScore: 0, maxScore: 3 } }).scoresCleared).toEqual([]);
  });

  it('orders version labels with numbers read as numbers', () => {
    expect(compareVersionLabels('1.10', '1.9')).toBeGreaterThan(0);
    expect(compareVersionLabels('2013', '2022')).toBeLessThan(0);
    expect(compareVersionLabels('rev5', 'REV5')).toBe(0);
  });
});
