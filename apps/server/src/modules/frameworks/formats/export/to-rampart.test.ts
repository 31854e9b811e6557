import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { LibraryContent } from '../../library-content.js';
import { parseCisoAssistantLibrary } from '../ciso-assistant/parse.js';
import { parseRampartLibrary } from '../rampart/parse.js';
import { toRampartLibrary } from './to-rampart.js';
import { treeShape } from './tree-shape.js';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const withoutSource = ({ sourceFormat: _f, sourceSha256: _s, ...rest }: LibraryContent) => rest;

describe('toRampartLibrary', () => {
  const ciso = parseCisoAssistantLibrary(read('../ciso-assistant/fixtures/mini-framework.yaml'), 'mini.yaml');

  it('writes the format marker, a nested tree and explicit assessable flags', () => {
    const doc = JSON.parse(toRampartLibrary(ciso));
    expect(doc).toMatchObject({ format: 'rampart-library', formatVersion: 1 });
    const gv = doc.frameworks[0].requirements[0];
    expect(gv).toMatchObject({ refId: 'GV', assessable: false, translations: { fr: { name: 'Gouverner' } } });
    expect(gv.requirements.map((r: { refId: string }) => r.refId)).toEqual(['GV.2', 'GV.1']);
    expect(gv.requirements[1].requirements[0]).toEqual({
      urn: 'urn:rampart-test:risk:req_node:mini-fw:gv-1.a',
      refId: '1.1',
      description: 'The policy names an owner.',
      assessable: true,
      implementationGroups: ['basic', 'full'],
      weight: 2,
      importance: 'mandatory',
      typicalEvidence: 'Signed policy document',
      referenceControls: ['urn:rampart-test:risk:function:mini-fw:rc-1'],
    });
    // Nothing null or empty is written.
    expect(JSON.stringify(doc)).not.toMatch(/null|\[\]|\{\}/);
  });

  it.each(['json', 'yaml'] as const)('round-trips a CISO Assistant library through Rampart %s', (format) => {
    const text = toRampartLibrary(ciso, { format });
    const back = parseRampartLibrary(text, `export.${format}`);
    expect(treeShape(back.frameworks[0])).toEqual(treeShape(ciso.frameworks[0]));
    expect(withoutSource(back)).toEqual(withoutSource(ciso));
  });

  it('round-trips the Rampart example (parse → export → parse) in both syntaxes', () => {
    const original = parseRampartLibrary(read('../rampart/fixtures/example.yaml'), 'example.yaml');
    for (const format of ['json', 'yaml'] as const) {
      const back = parseRampartLibrary(toRampartLibrary(original, { format }), `x.${format}`);
      expect(withoutSource(back)).toEqual(withoutSource(original));
    }
  });

  it('writes YAML that reads as the same document as the JSON', () => {
    expect(parseYaml(toRampartLibrary(ciso, { format: 'yaml' }))).toEqual(JSON.parse(toRampartLibrary(ciso)));
  });

  it('exports a single framework without controls or mapping sets', () => {
    const fw = ciso.frameworks[0];
    if (!fw) throw new Error('fixture has a framework');
    const doc = JSON.parse(toRampartLibrary({ frameworks: [fw] }));
    expect(Object.keys(doc)).toEqual(['format', 'formatVersion', 'frameworks']);
  });

  it('refuses content whose nodes point at a missing parent', () => {
    const fw = ciso.frameworks[0];
    if (!fw) throw new Error('fixture has a framework');
    const broken = { ...fw, nodes: fw.nodes.filter((n) => n.refId !== 'GV') };
    expect(() => toRampartLibrary({ frameworks: [broken] })).toThrow(/unknown parent/);
  });
});
