import { describe, expect, it } from 'vitest';
import { i18n } from '../../app/i18n';
import { describeEvent, type HistoryEvent, matricesInEffect, type Ratings, ratingStates } from './history-lines';
import type { MatrixDefinition } from './use-risk-assessments';

const point = (abbreviation: string, name: string) => ({ abbreviation, name, description: '' });
const level = (abbreviation: string, name: string) => ({ ...point(abbreviation, name), color: '#888888' });
/** A 2×2 matrix (the old one) and a 3×3 (the new one): the same index means different things on each. */
const small = {
  probability: [point('R', 'Rare'), point('O', 'Often')],
  impact: [point('S', 'Small'), point('B', 'Big')],
  risk: [level('L', 'Low'), level('H', 'High')],
  grid: [
    [0, 0],
    [0, 1],
  ],
} as unknown as MatrixDefinition;
const large = {
  probability: [point('U', 'Unlikely'), point('P', 'Possible'), point('L', 'Likely')],
  impact: [point('Mi', 'Minor'), point('Mo', 'Moderate'), point('Ma', 'Major')],
  risk: [level('L', 'Low'), level('M', 'Medium'), level('H', 'High')],
  grid: [
    [0, 0, 1],
    [0, 1, 2],
    [1, 2, 2],
  ],
} as unknown as MatrixDefinition;
const definitions: Record<string, MatrixDefinition> = { old: small, new: large };
const ctx = (language: string) => {
  const fixed = i18n.getFixedT(language);
  return {
    t: (key: string, options?: Record<string, unknown>) => String(fixed(key as never, options as never)),
    definitionOf: (id: string | undefined) => (id ? definitions[id] : undefined),
  };
};

// Newest first, as the audit API answers.
const events: HistoryEvent[] = [
  {
    action: 'risk_scenario.updated',
    // Only the impact moved (Major → Moderate); the level stayed High, so the diff does not hold it.
    changes: { currentImpact: { before: 2, after: 1 } },
  },
  {
    action: 'risk_scenario.re_rated',
    changes: {
      riskMatrixId: { before: 'old', after: 'new' },
      ratings: {
        before: {
          inherent: { probability: -1, impact: -1, level: -1 },
          current: { probability: 1, impact: 1, level: 1 },
          residual: { probability: -1, impact: -1, level: -1 },
        },
        after: {
          inherent: { probability: -1, impact: -1, level: -1 },
          current: { probability: 2, impact: 2, level: 2 },
          residual: { probability: -1, impact: -1, level: -1 },
        },
      },
    },
  },
  {
    action: 'risk_scenario.updated',
    changes: {
      currentProbability: { before: -1, after: 1 },
      currentImpact: { before: -1, after: 1 },
      currentLevel: { before: -1, after: 1 },
      treatment: { before: 'open', after: 'mitigate' },
      ownerId: { before: null, after: '7b1e0c4e-0000-4000-8000-000000000000' },
    },
  },
  { action: 'risk_scenario.assets_changed', changes: { added: ['a', 'b'], removed: ['c'] } },
];

const unrated = { probability: -1, impact: -1, level: -1 };
/** The scenario now: current Likely × Moderate (High) on the new matrix. */
const now: Ratings = { inherent: unrated, current: { probability: 2, impact: 1, level: 2 }, residual: unrated };

describe('scenario history lines', () => {
  it('reads each event on the matrix then in force: events older than a re-rating on the old matrix', () => {
    expect(matricesInEffect(events, 'new')).toEqual(['new', 'new', 'old', 'old']);
  });

  it('rebuilds the whole ratings around each event from the ratings now and the recorded before values', () => {
    const current = ratingStates(events, now).map((s) => [s?.before?.current, s?.after.current]);
    expect(current).toEqual([
      [
        { probability: 2, impact: 2, level: 2 },
        { probability: 2, impact: 1, level: 2 },
      ],
      [
        { probability: 1, impact: 1, level: 1 },
        { probability: 2, impact: 2, level: 2 },
      ],
      [unrated, { probability: 1, impact: 1, level: 1 }],
      [unrated, unrated],
    ]);
  });

  it('names ratings by the scale of their own matrix, before and after a re-rating', () => {
    const inEffect = matricesInEffect(events, 'new');
    const states = ratingStates(events, now);
    const lines = events.map((event, i) => describeEvent(event, inEffect[i] ?? 'new', ctx('en'), states[i]));
    expect(lines[0]).toEqual({
      action: 'Edited',
      lines: [{ label: 'Current rating', before: 'Likely × Major (High)', after: 'Likely × Moderate (High)' }],
    });
    expect(lines[1]).toEqual({
      action: 'Moved onto another matrix',
      lines: [{ label: 'Current rating', before: 'Often × Big (High)', after: 'Likely × Major (High)' }],
    });
    expect(lines[2]?.lines).toEqual([
      { label: 'Current rating', before: 'Not rated', after: 'Often × Big (High)' },
      { label: 'Treatment', before: 'Open', after: 'Mitigate' },
      { label: 'Owner', after: 'changed' },
    ]);
    expect(lines[3]).toEqual({ action: 'Assets changed', lines: [{ label: '2 linked, 1 unlinked' }] });
  });

  it('reads an import by the ratings it recorded, and stops rebuilding at an import that recorded none', () => {
    const imported = (before: Ratings | null | undefined, after: Ratings): HistoryEvent => ({
      action: 'risk_scenario.imported',
      changes: {
        file: 'register.xlsx',
        row: 4,
        result: 'updated',
        fields: ['current_probability', 'current_impact'],
        ...(before === undefined ? {} : { ratings: { before, after } }),
      },
    });
    const possibleModerate = { ...now, current: { probability: 1, impact: 1, level: 1 } };
    const edit: HistoryEvent = {
      action: 'risk_scenario.updated',
      changes: { currentImpact: { before: 0, after: 1 }, currentLevel: { before: 0, after: 1 } },
    };
    const history = [imported(possibleModerate, now), edit];
    const states = ratingStates(history, now);
    const lines = history.map((event, i) => describeEvent(event, 'new', ctx('en'), states[i]));
    expect(lines[0]?.lines).toEqual([
      { label: 'register.xlsx, row 4', after: 'updated (2 columns)' },
      { label: 'Current rating', before: 'Possible × Moderate (Medium)', after: 'Likely × Moderate (High)' },
    ]);
    // The edit before the import is read on the state the import recorded, not on today's ratings.
    expect(lines[1]?.lines).toEqual([
      { label: 'Current rating', before: 'Possible × Minor (Low)', after: 'Possible × Moderate (Medium)' },
    ]);
    // An import from before ratings were recorded: older events say only that a rating changed.
    const legacy = [imported(undefined, now), edit];
    const legacyStates = ratingStates(legacy, now);
    expect(legacyStates[1]).toBeUndefined();
    expect(describeEvent(edit, 'new', ctx('en'), legacyStates[1]).lines).toEqual([
      { label: 'Current rating', after: 'changed' },
    ]);
  });

  it('speaks the reader’s language and falls back to points when the matrix cannot be read', () => {
    const french = { ...ctx('fr'), definitionOf: () => undefined };
    expect(describeEvent(events[0] as HistoryEvent, 'gone', french, ratingStates(events, now)[0])).toEqual({
      action: 'Modification',
      lines: [{ label: 'Cotation Actuelle', before: '3 × 3', after: '3 × 2' }],
    });
  });
});
