import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseOscalCatalog } from '../formats/oscal/catalog.js';
import { parseOscalProfile } from '../formats/oscal/profile.js';
import type { FrameworkContent } from '../library-content.js';
import { CATALOG_800_53, hasSharedOscal, readShared, sharedOscalDir } from '../testing.js';
import { BUILTIN_LIBRARY_FILES, builtinLibraryFolder, readBuiltinFiles } from './files.js';
import { parseBuiltinFile } from './loader.js';

/** Pure checks of the shipped files: they parse with the public format parser and have the expected shape. */
const contents = readBuiltinFiles().map((file) => ({ file, content: parseBuiltinFile(file) }));
const frameworks = new Map(contents.flatMap((c) => c.content.frameworks).map((f) => [f.refId, f]));
const framework = (refId: string): FrameworkContent => {
  const found = frameworks.get(refId);
  if (!found) throw new Error(`no built-in framework ${refId}`);
  return found;
};
const assessable = (f: FrameworkContent) => f.nodes.filter((n) => n.assessable);
const inGroup = (f: FrameworkContent, group: string) =>
  assessable(f).filter((n) => n.implementationGroups?.includes(group)).length;
const roots = (f: FrameworkContent) => f.nodes.filter((n) => !n.parentUrn);
const childrenOf = (f: FrameworkContent, refId: string) => {
  const parent = f.nodes.find((n) => n.refId === refId);
  return f.nodes.filter((n) => n.parentUrn === parent?.urn);
};

describe('built-in library files', () => {
  it('lists exactly the files of the library folder, each parsed as a built-in entry', () => {
    const onDisk = readdirSync(builtinLibraryFolder()).filter((name) => /\.(ya?ml|json)$/.test(name));
    expect([...onDisk].sort()).toEqual([...BUILTIN_LIBRARY_FILES].sort());
    for (const { content } of contents) expect(content.sourceFormat).toBe('builtin');
    expect([...frameworks.keys()].sort()).toEqual([
      'CIS-CONTROLS-V8',
      'ISO-27001-2022-A',
      'NIS2-ART21',
      'NIST-CSF-2.0',
      'NIST-SP-800-53-R5',
      'OWASP-ASVS-5.0',
      'SOC2-TSC-2017',
    ]);
  });

  it('NIST CSF 2.0: 6 functions, 22 categories, 106 subcategories', () => {
    const csf = framework('NIST-CSF-2.0');
    expect(roots(csf).map((n) => n.refId)).toEqual(['GV', 'ID', 'PR', 'DE', 'RS', 'RC']);
    expect(csf.nodes).toHaveLength(6 + 22 + 106);
    expect(assessable(csf)).toHaveLength(106);
    expect(childrenOf(csf, 'GV.SC')).toHaveLength(10);
  });

  it('NIST SP 800-53 rev5: 20 families, 1,189 controls and enhancements (182 withdrawn), LOW/MODERATE/HIGH', () => {
    const sp = framework('NIST-SP-800-53-R5');
    expect(roots(sp)).toHaveLength(20);
    expect(sp.nodes).toHaveLength(1209);
    const controls = sp.nodes.filter((n) => n.parentUrn);
    expect(controls).toHaveLength(1189);
    expect(controls.filter((n) => n.withdrawn)).toHaveLength(182);
    expect(assessable(sp)).toHaveLength(1189 - 182);
    expect([inGroup(sp, 'LOW'), inGroup(sp, 'MODERATE'), inGroup(sp, 'HIGH')]).toEqual([149, 287, 370]);
    expect(sp.implementationGroups.map((g) => g.refId)).toEqual(['LOW', 'MODERATE', 'HIGH']);
    const ac2 = sp.nodes.find((n) => n.refId === 'AC-2');
    expect(ac2).toMatchObject({ name: 'Account Management', assessable: true });
    expect(sp.nodes.find((n) => n.refId === 'AC-2(1)')?.parentUrn).toBe(ac2?.urn);
    // Structure only: no statement, guidance or parameter of the catalog is shipped.
    expect(sp.nodes.filter((n) => n.description || n.annotation)).toEqual([]);
  });

  it.skipIf(!hasSharedOscal)('NIST SP 800-53 rev5 agrees node by node with an import of the official files', () => {
    const sp = framework('NIST-SP-800-53-R5');
    const official = parseOscalCatalog(readShared(CATALOG_800_53), 'catalog.json').frameworks[0];
    expect(sp.urn).toBe(official?.urn);
    const shape = (f: FrameworkContent | undefined) =>
      f?.nodes.map((n) => [n.urn, n.parentUrn ?? null, n.refId, n.name, n.withdrawn ?? false, n.assessable]);
    expect(shape(sp)).toEqual(shape(official));
    for (const level of ['LOW', 'MODERATE', 'HIGH']) {
      const profile = parseOscalProfile(readShared(`NIST_SP-800-53_rev5_${level}-baseline_profile.json`), 'p.json');
      const ids = sp.nodes.filter((n) => n.implementationGroups?.includes(level)).map((n) => n.extra?.oscalId);
      expect(new Set(ids), level).toEqual(new Set(profile.include.flatMap((s) => s.ids)));
    }
  });

  it('ISO/IEC 27001:2022 Annex A: 93 controls in 4 themes', () => {
    const iso = framework('ISO-27001-2022-A');
    expect(roots(iso).map((n) => [n.refId, childrenOf(iso, n.refId ?? '').length])).toEqual([
      ['A.5', 37],
      ['A.6', 8],
      ['A.7', 14],
      ['A.8', 34],
    ]);
    expect(assessable(iso)).toHaveLength(93);
  });

  it('NIS2 Article 21(2): the ten measures (a) to (j)', () => {
    const nis2 = framework('NIS2-ART21');
    expect(assessable(nis2).map((n) => n.refId)).toEqual(
      'abcdefghij'.split('').map((letter) => `Art.21(2)(${letter})`),
    );
  });

  it('CIS Controls v8: 18 controls, 153 safeguards, IG1 56 / IG2 130 / IG3 153', () => {
    const cis = framework('CIS-CONTROLS-V8');
    expect(roots(cis)).toHaveLength(18);
    expect(assessable(cis)).toHaveLength(153);
    expect([inGroup(cis, 'IG1'), inGroup(cis, 'IG2'), inGroup(cis, 'IG3')]).toEqual([56, 130, 153]);
    // Groups are cumulative: whatever IG1 holds, IG2 and IG3 hold too.
    for (const n of assessable(cis)) {
      if (n.implementationGroups?.includes('IG1')) expect(n.implementationGroups).toContain('IG2');
      expect(n.implementationGroups).toContain('IG3');
    }
  });

  it('SOC 2 TSC: 33 common criteria, A1, C1, PI1 and P1-P8, categories as groups', () => {
    const soc2 = framework('SOC2-TSC-2017');
    expect(roots(soc2).map((n) => n.refId)).toEqual([
      ...['CC1', 'CC2', 'CC3', 'CC4', 'CC5', 'CC6', 'CC7', 'CC8', 'CC9', 'A1', 'C1', 'PI1'],
      ...['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', 'P8'],
    ]);
    expect(assessable(soc2)).toHaveLength(61);
    expect(
      ['security', 'availability', 'confidentiality', 'processing_integrity', 'privacy'].map((g) => inGroup(soc2, g)),
    ).toEqual([33, 36, 35, 38, 51]);
  });

  it('OWASP ASVS 5.0: 17 chapters, 80 sections, 345 requirements, L1 70 / L2 253 / L3 345', () => {
    const asvs = framework('OWASP-ASVS-5.0');
    expect(roots(asvs)).toHaveLength(17);
    expect(asvs.nodes.filter((n) => !n.assessable)).toHaveLength(17 + 80);
    expect(assessable(asvs)).toHaveLength(345);
    expect([inGroup(asvs, 'L1'), inGroup(asvs, 'L2'), inGroup(asvs, 'L3')]).toEqual([70, 253, 345]);
    // Names are our own short words, not the standard's "Verify that …" sentences.
    expect(asvs.nodes.filter((n) => /^verify that/i.test(n.name ?? ''))).toEqual([]);
  });

  const realAsvs = path.resolve(
    sharedOscalDir,
    '../asvs/OWASP_Application_Security_Verification_Standard_5.0.0_en.json',
  );
  it.skipIf(!existsSync(realAsvs))('OWASP ASVS 5.0 has the official identifiers and levels', () => {
    const asvs = framework('OWASP-ASVS-5.0');
    type Item = { Shortcode: string; L?: string; Items?: Item[] };
    const official = JSON.parse(readFileSync(realAsvs, 'utf8')).Requirements as Item[];
    const levels = official
      .flatMap((c) => (c.Items ?? []).flatMap((s) => s.Items ?? []))
      .map((r) => [r.Shortcode, r.L]);
    const ours = assessable(asvs).map((n) => [n.refId, n.implementationGroups?.[0]?.replace('L', '')]);
    expect(ours).toEqual(levels);
  });

  it('every mapping rule connects requirements that exist in the built-in frameworks', () => {
    const urns = new Set(contents.flatMap((c) => c.content.frameworks.flatMap((f) => f.nodes.map((n) => n.urn))));
    const sets = contents.flatMap((c) => c.content.mappingSets);
    expect(sets).toHaveLength(2);
    for (const set of sets) {
      expect(set.description).toMatch(/^PARTIAL\./);
      expect([...frameworks.values()].map((f) => f.urn)).toEqual(
        expect.arrayContaining([set.sourceFrameworkUrn, set.targetFrameworkUrn]),
      );
      expect(set.rules.length).toBeGreaterThan(10);
      for (const rule of set.rules) {
        expect(urns.has(rule.sourceRequirementUrn), rule.sourceRequirementUrn).toBe(true);
        expect(urns.has(rule.targetRequirementUrn), rule.targetRequirementUrn).toBe(true);
      }
    }
  });
});
