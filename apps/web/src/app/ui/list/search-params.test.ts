import { describe, expect, it } from 'vitest';
import { dateParam, flagParam, idParam, intParam, listSearch, oneOfParam, sortParam, textParam } from './search-params';

const validate = listSearch({
  q: textParam(),
  status: oneOfParam(['open', 'closed'] as const),
  ownerId: idParam,
  mine: flagParam,
});

describe('listSearch', () => {
  it('keeps what the server accepts', () => {
    expect(
      validate({ q: ' backup ', status: 'open', ownerId: '0b6f7a4e-8f7e-4a7e-9c1e-2f1a3b4c5d6e', mine: true }),
    ).toEqual({ q: 'backup', status: 'open', ownerId: '0b6f7a4e-8f7e-4a7e-9c1e-2f1a3b4c5d6e', mine: true });
  });

  it('drops unknown, invalid and empty values, so a hand-edited URL never breaks the page', () => {
    expect(validate({ q: '   ', status: 'archived', ownerId: 'nope', mine: 'yes', extra: 1 })).toEqual({});
  });

  it('reads numbers TanStack parsed from the address bar as text, cut at the limit', () => {
    expect(validate({ q: 2026 })).toEqual({ q: '2026' });
    expect(listSearch({ tag: textParam(3) })({ tag: 'abcdef' })).toEqual({ tag: 'abc' });
  });

  it('takes a flag written as text (a saved query string)', () => {
    expect(validate({ mine: 'true' })).toEqual({ mine: true });
  });

  it('keeps a whole number within bounds, from the address bar or a saved query string', () => {
    const index = intParam(-1, 6);
    expect([3, '4', -1, '0'].map(index)).toEqual([3, 4, -1, 0]);
    expect([7, -2, 1.5, '', 'x', null, true].map(index)).toEqual(Array(7).fill(undefined));
  });

  it('keeps a real calendar day as the date input writes it', () => {
    expect(dateParam('2026-02-28')).toBe('2026-02-28');
    expect(['2026-02-30', '2026-2-3', '28/02/2026', 20260228, ''].map(dateParam)).toEqual(Array(5).fill(undefined));
  });

  it('keeps a sort on a known field, either way', () => {
    const sort = sortParam(['name', 'updatedAt'] as const);
    expect(['name', '-updatedAt'].map(sort)).toEqual(['name', '-updatedAt']);
    expect(['--name', 'owner', '-', 3].map(sort)).toEqual(Array(4).fill(undefined));
  });
});
