import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FrameworkContent } from '../../library-content.js';
import { parseOscalCatalog } from '../oscal/catalog.js';
import { parseRampartLibrary } from '../rampart/parse.js';
import { RAMPART_OSCAL_NS, toOscalCatalog } from './to-oscal.js';
import { toRampartLibrary } from './to-rampart.js';
import { treeShape, treeShapeByRefId } from './tree-shape.js';

const example = parseRampartLibrary(
  readFileSync(new URL('../rampart/fixtures/example.yaml', import.meta.url), 'utf8'),
  'example.yaml',
).frameworks[0] as FrameworkContent;
const fixed = { lastModified: new Date('2025-01-01T00:00:00Z') };

// Real data lives beside the repository (../shared/data from the repo root) and is absent from a fresh clone.
const catalogPath = new URL(
  '../../../../../../../../shared/data/oscal/NIST_SP-800-53_rev5_catalog.json',
  import.meta.url,
);
const hasCatalog = existsSync(catalogPath);
if (!hasCatalog) console.warn(`Skipping SP 800-53 round trips: ${catalogPath.pathname} is absent`);

describe('toOscalCatalog', () => {
  const doc = toOscalCatalog(example, fixed);
  const [gov, ops] = doc.catalog.groups ?? [];

  it('makes groups of headings, controls of requirements, nested controls of children', () => {
    expect(doc.catalog.metadata).toEqual({
      title: 'Secure basics',
      'last-modified': '2025-01-01T00:00:00.000Z',
      version: '2025.1',
      'oscal-version': '1.1.2',
    });
    expect(doc.catalog.groups?.map((g) => g.title)).toEqual(['Governance', 'Operations']);
    expect(gov?.controls?.map((c) => c.id)).toEqual(['gov-1', 'gov-2']);
    expect(gov?.controls?.[0]?.controls?.map((c) => c.id)).toEqual(['gov-1.1']);
    expect(ops?.controls).toBeUndefined();
  });

  it('writes label and sort-id props, statement parts and the withdrawn status', () => {
    const [policy, former] = gov?.controls ?? [];
    expect(policy?.props).toEqual(
      expect.arrayContaining([
        { name: 'label', value: 'GOV-1' },
        { name: 'sort-id', value: '001.001' },
        { name: 'implementation-group', value: 'essential', ns: RAMPART_OSCAL_NS },
        { name: 'urn', value: 'urn:acme:req:sb:gov-1', ns: RAMPART_OSCAL_NS },
      ]),
    );
    expect(policy?.parts).toEqual([
      { id: 'gov-1_smt', name: 'statement', prose: 'A written security policy is approved and published.' },
    ]);
    expect(former?.props).toContainEqual({ name: 'status', value: 'withdrawn' });
  });

  it('is reproducible: same framework, same uuid and ids', () => {
    expect(toOscalCatalog(example, fixed)).toEqual(doc);
    expect(doc.catalog.uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('derives valid, unique OSCAL ids from awkward ref ids', () => {
    const nodes = ['1.1', '1.1', 'A B', '(x)'].map((refId, i) => ({ urn: `u:${i}`, refId, assessable: true }));
    const out = toOscalCatalog({ ...example, nodes }, fixed);
    const ids = out.catalog.controls?.map((c) => c.id) ?? [];
    expect(ids).toEqual(['n-1.1', 'n-1.1-2', 'a-b', 'x']);
    for (const id of ids) expect(id).toMatch(/^[\p{L}_][\p{L}\p{N}._-]*$/u);
  });

  it('keeps sibling order when a heading follows a requirement', () => {
    const nodes = [
      { urn: 'u:a', refId: 'A', assessable: true },
      { urn: 'u:h', refId: 'H', assessable: false },
    ];
    const out = toOscalCatalog({ ...example, nodes }, fixed);
    expect(out.catalog.groups).toBeUndefined();
    expect(out.catalog.controls?.map((c) => c.id)).toEqual(['a', 'h']);
    expect(out.catalog.controls?.[1]?.props).toContainEqual({
      name: 'assessable',
      value: 'false',
      ns: RAMPART_OSCAL_NS,
    });
  });

  it('round-trips through the OSCAL importer (ref ids, names, tree, flags; the importer mints its own URNs)', () => {
    const back = parseOscalCatalog(JSON.stringify(toOscalCatalog(example, fixed)), 'export.json').frameworks[0];
    // OSCAL has no implementation groups (baselines are profiles), and the importer makes withdrawn controls
    // not assessable: those two are what the trip through OSCAL changes.
    const expected = treeShapeByRefId(example).map((node) => ({
      ...node,
      implementationGroups: [],
      assessable: node.assessable && !node.withdrawn,
    }));
    expect(treeShapeByRefId(back)).toEqual(expected);
    expect(back?.nodes.find((n) => n.refId === 'GOV-1')?.description).toBe(
      'A written security policy is approved and published.',
    );
  });

  it.skipIf(!hasCatalog)('round-trips the real SP 800-53 rev5 catalog: import → OSCAL export → import', () => {
    const text = readFileSync(catalogPath, 'utf8');
    const first = parseOscalCatalog(text, 'NIST_SP-800-53_rev5_catalog.json').frameworks[0];
    const exported = JSON.stringify(toOscalCatalog(first as FrameworkContent, fixed));
    const second = parseOscalCatalog(exported, 'export.json').frameworks[0];
    expect(first?.nodes).toHaveLength(20 + 1189);
    expect(second?.urn).toBe(first?.urn);
    expect(treeShape(second)).toEqual(treeShape(first));
    expect(second?.nodes.map((n) => [n.description, n.annotation])).toEqual(
      first?.nodes.map((n) => [n.description, n.annotation]),
    );
    expect(second?.nodes.filter((n) => n.withdrawn)).toHaveLength(182);
  });

  it.skipIf(!hasCatalog)('round-trips the real SP 800-53 rev5 catalog through the Rampart format', () => {
    const first = parseOscalCatalog(readFileSync(catalogPath, 'utf8'), 'catalog.json');
    const back = parseRampartLibrary(toRampartLibrary(first), 'export.json');
    expect(treeShape(back.frameworks[0])).toEqual(treeShape(first.frameworks[0]));
    const texts = (fw: FrameworkContent | undefined) =>
      fw?.nodes.map((n) => [n.description ?? null, n.annotation ?? null, n.extra ?? null]);
    expect(texts(back.frameworks[0])).toEqual(texts(first.frameworks[0]));
  });
});
