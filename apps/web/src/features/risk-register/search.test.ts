import { describe, expect, it } from 'vitest';
import { fromQueryString, toQueryString, validateRegisterSearch } from './search';

const assessmentId = '0b6f7a4e-8f7e-4a7e-9c1e-2f1a3b4c5d6e';

describe('validateRegisterSearch', () => {
  it('keeps what GET /risk-scenarios accepts, from the address bar', () => {
    expect(
      validateRegisterSearch({
        riskAssessmentId: assessmentId,
        q: ' backup ',
        treatment: 'mitigate',
        flagged: true,
        ratingKind: 'residual',
        probability: 2,
        impact: -1,
        level: 9,
        sort: '-residualLevel',
      }),
    ).toEqual({
      riskAssessmentId: assessmentId,
      q: 'backup',
      treatment: 'mitigate',
      flagged: 'true',
      ratingKind: 'residual',
      probability: 2,
      impact: -1,
      level: 9,
      sort: '-residualLevel',
    });
  });

  it('drops what the server would refuse', () => {
    expect(
      validateRegisterSearch({ ownerId: 'me', treatment: 'ignore', probability: 7, level: 10, sort: 'owner', x: 1 }),
    ).toEqual({});
  });

  it('reads back a saved filter (all text) as it was saved', () => {
    const search = validateRegisterSearch({ flagged: false, impact: 3, sort: 'refId', q: 'fire' });
    expect(toQueryString(search)).toBe('q=fire&flagged=false&impact=3&sort=refId');
    expect(fromQueryString(toQueryString(search))).toEqual(search);
  });
});
