import { describe, expect, it } from 'vitest';
import { flagParam, idParam, listSearch, oneOfParam, textParam } from './search-params';

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
});
