import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { parseThreatLibrary } from '../threats/import-parse.js';
import { parseMatrixLibrary } from './import-parse.js';

const frameworkFixture = readFileSync(
  new URL('../frameworks/formats/ciso-assistant/fixtures/mini-framework.yaml', import.meta.url),
  'utf8',
);

function fieldsOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error.errors.map((e) => [e.field, e.message]);
    throw error;
  }
  throw new Error('expected a 400');
}

describe('parseMatrixLibrary', () => {
  it('reads a single risk_matrix object, deriving missing abbreviations and expanding #abc colours', () => {
    const text = [
      'objects:',
      '  risk_matrix:',
      '    urn: urn:x:m',
      '    name: Single',
      '    probability: [{ name: Not likely }, { name: Likely }]',
      '    impact: [{ abbreviation: S, name: Small }, { abbreviation: B, name: Big }]',
      "    risk: [{ name: Low, hexcolor: '#0a0' }, { name: High, hexcolor: '#C00000' }]",
      '    grid: [[0, 0], [0, 1]]',
    ].join('\n');
    const [matrix] = parseMatrixLibrary(text, 'one.yaml');
    expect(matrix).toMatchObject({
      urn: 'urn:x:m',
      refId: null,
      definition: {
        probability: [{ abbreviation: 'NL' }, { abbreviation: 'L' }],
        risk: [{ abbreviation: 'L', color: '#00aa00' }, { color: '#C00000' }],
      },
    });
  });

  it('refuses the framework fixture’s empty matrix, locating it', () => {
    const fields = fieldsOf(() => parseMatrixLibrary(frameworkFixture, 'mini-framework.yaml'));
    expect(fields.map(([field]) => field)).toEqual([
      'file.objects.risk_matrix[0].impact',
      'file.objects.risk_matrix[0].risk',
      'file.objects.risk_matrix[0].grid',
    ]);
    expect(fields[0]?.[1]).toMatch(/^mini-framework\.yaml line \d+: /);
  });
});

describe('parseThreatLibrary', () => {
  it('reads the threats of a real framework library and ignores its other objects', () => {
    expect(parseThreatLibrary(frameworkFixture, 'mini-framework.yaml')).toEqual([
      {
        urn: 'urn:rampart-test:risk:threat:mini-fw:t-1',
        refId: 'T.1',
        name: 'Unclear ownership',
        description: null,
        provider: 'Rampart tests',
        translations: null,
      },
    ]);
  });

  it('names a threat by its ref id when it has no name, and refuses one with neither', () => {
    const text = 'objects:\n  threats:\n    - urn: urn:x:a\n      ref_id: A.1\n    - urn: urn:x:b\n';
    const fields = fieldsOf(() => parseThreatLibrary(text, 't.yaml'));
    expect(fields).toEqual([['file.objects.threats[1]', 't.yaml line 5: A threat needs a name or a ref_id']]);
    expect(parseThreatLibrary(text.replace('    - urn: urn:x:b\n', ''), 't.yaml')[0]?.name).toBe('A.1');
  });
});
