import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { LibraryFormatError } from '../../library-content.js';
import { toRampartLibrary } from '../export/to-rampart.js';
import { treeShape } from '../export/tree-shape.js';
import { parseRampartLibrary } from '../rampart/parse.js';
import { parseAsvsJson } from './parse.js';

const mini = readFileSync(new URL('./fixtures/mini-asvs.json', import.meta.url), 'utf8');
// Real data lives beside the repository (../shared/data from the repo root) and is absent from a fresh clone.
const realPath = new URL(
  '../../../../../../../../shared/data/asvs/OWASP_Application_Security_Verification_Standard_5.0.0_en.json',
  import.meta.url,
);
const hasReal = existsSync(realPath);
if (!hasReal) console.warn(`Skipping the real ASVS 5.0.0 test: ${realPath.pathname} is absent`);

describe('parseAsvsJson', () => {
  it('builds chapters > sections > requirements with cumulative levels', () => {
    const fw = parseAsvsJson(mini, 'mini.json').frameworks[0];
    expect(fw).toMatchObject({ urn: 'urn:owasp:framework:asvs', refId: 'MINI', frameworkVersion: '0.1.0' });
    expect(fw?.implementationGroups.map((g) => g.refId)).toEqual(['L1', 'L2', 'L3']);
    expect(fw?.nodes.map((n) => [n.refId, n.assessable, n.implementationGroups ?? []])).toEqual([
      ['V1', false, []],
      ['V1.1', false, []],
      ['V1.1.1', true, ['L1', 'L2', 'L3']],
      ['V1.1.2', true, ['L3']],
      ['V2', false, []],
      ['V2.1', false, []],
      ['V2.1.1', true, ['L2', 'L3']],
    ]);
    expect(fw?.nodes[2]).toMatchObject({
      urn: 'urn:owasp:req_node:asvs:v1.1.1',
      parentUrn: 'urn:owasp:req_node:asvs:v1.1',
      description: 'Decode once.',
    });
  });

  it('locates a bad level and a duplicate shortcode', () => {
    const bad = mini.replace('"L": "3"', '"L": "4"');
    try {
      parseAsvsJson(bad, 'bad.json');
      expect.unreachable();
    } catch (error) {
      expect((error as LibraryFormatError).issues[0]).toMatchObject({
        path: '/Requirements/0/Items/0/Items/1/L',
        line: 18,
      });
    }
    const dup = mini.replace('"V2.1.1"', '"V1.1.1"');
    expect(() => parseAsvsJson(dup, 'dup.json')).toThrow(/Duplicate Shortcode/);
  });

  it.skipIf(!hasReal)('reads the real ASVS 5.0.0: 17 chapters, 80 sections, 345 requirements by level', () => {
    const content = parseAsvsJson(readFileSync(realPath, 'utf8'), 'asvs.json');
    const fw = content.frameworks[0];
    const nodes = fw?.nodes ?? [];
    expect(fw?.frameworkVersion).toBe('5.0.0');
    expect(nodes.filter((n) => !n.parentUrn)).toHaveLength(17);
    expect(nodes.filter((n) => !n.assessable)).toHaveLength(17 + 80);
    expect(nodes.filter((n) => n.assessable)).toHaveLength(345);
    const inGroup = (g: string) => nodes.filter((n) => n.implementationGroups?.includes(g)).length;
    expect([inGroup('L1'), inGroup('L2'), inGroup('L3')]).toEqual([70, 253, 345]);
    // And it survives the trip through Rampart's format.
    const back = parseRampartLibrary(toRampartLibrary(content), 'asvs-export.json');
    expect(treeShape(back.frameworks[0])).toEqual(treeShape(fw));
  });
});
