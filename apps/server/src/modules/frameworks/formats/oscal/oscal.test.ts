import { describe, expect, it } from 'vitest';
import { LibraryFormatError } from '../../library-content.js';
import { CATALOG_800_53, hasSharedOscal, readFixture, readShared, warnIfNoSharedData } from '../../testing.js';
import { parseOscalCatalog } from './catalog.js';
import { groupRefIdOf, parseOscalProfile, selectControls } from './profile.js';

const fixture = readFixture;
warnIfNoSharedData('OSCAL importers');

const issuesOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof LibraryFormatError) return error.issues;
    throw error;
  }
  throw new Error('expected a LibraryFormatError');
};

describe('OSCAL catalog importer (fixture)', () => {
  const content = parseOscalCatalog(fixture('mini-catalog.json'), 'mini-catalog.json');
  const framework = content.frameworks[0];
  const byRef = new Map(framework?.nodes.map((n) => [n.refId, n]));

  it('reads the framework identity and keeps tree order', () => {
    expect(framework).toMatchObject({
      urn: 'urn:oscal:catalog:mini-catalog-test-controls',
      name: 'Mini Catalog: Test Controls',
      frameworkVersion: '1.0.0',
    });
    expect(framework?.nodes.map((n) => n.refId)).toEqual(['AC', 'AC-1', 'AC-2', 'AC-2(1)', 'AC-2(10)', 'AU', 'AU-1']);
    expect(content.sourceSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('nests enhancements under their control and controls under their group', () => {
    expect(byRef.get('AC')).toMatchObject({ parentUrn: null, assessable: false });
    expect(byRef.get('AC-2')?.parentUrn).toBe(byRef.get('AC')?.urn);
    expect(byRef.get('AC-2(1)')).toMatchObject({
      urn: 'urn:oscal:catalog:mini-catalog-test-controls:ac-2.1',
      parentUrn: byRef.get('AC-2')?.urn,
      assessable: true,
    });
  });

  it('flattens the statement with labels and renders parameters readably', () => {
    expect(byRef.get('AC-1')?.description).toBe(
      'a. Develop and disseminate to [Assignment: organization-defined personnel or roles]:\n' +
        '  1. [Selection (one or more): Organization-level; System-level] access control policy; and\n' +
        'b. Review the policy.',
    );
    expect(byRef.get('AC-1')?.annotation).toBe('Policies address access control.');
    expect(byRef.get('AC-1')?.extra).toMatchObject({
      sortId: 'ac-01',
      assessmentObjectives: 'Determine if the policy is developed.',
    });
    expect(byRef.get('AC-2(1)')?.description).toBe(
      'Support account management using [Assignment: organization-defined automated mechanisms].',
    );
  });

  it('flags withdrawn controls and does not make them assessable', () => {
    expect(byRef.get('AC-2(10)')).toMatchObject({ withdrawn: true, assessable: false });
    expect(byRef.get('AC-2(10)')?.extra).toMatchObject({ incorporatedInto: ['ac-2'] });
  });
});

describe('OSCAL catalog importer: bad files', () => {
  const text = fixture('mini-catalog.json');

  it('locates a syntax error by line and column', () => {
    const broken = text.replace('"title": "Account Management",', '"title": "Account Management"');
    // The error shows on the line after the missing comma, where the next property starts.
    const line = broken.split('\n').findIndex((l) => l.includes('"Account Management"')) + 2;
    const [issue] = issuesOf(() => parseOscalCatalog(broken, 'broken.json'));
    expect(issue).toMatchObject({ file: 'broken.json', line });
    expect(issue?.message).toMatch(new RegExp(`line ${line}, column \\d+: expected ',' or '}'`));
  });

  it('says a truncated file ends too early, with the last line', () => {
    const truncated = text.slice(0, 2000);
    const [issue] = issuesOf(() => parseOscalCatalog(truncated, 'cut.json'));
    expect(issue?.message).toMatch(/ends too early/);
    expect(issue?.line).toBe(truncated.split('\n').length);
  });

  it('reports a wrong shape with JSON pointers and lines', () => {
    const doc = JSON.parse(text);
    delete doc.catalog.groups[0].controls[1].id;
    doc.catalog.metadata.version = 3;
    const issues = issuesOf(() => parseOscalCatalog(JSON.stringify(doc, null, 2), 'shape.json'));
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: '/catalog/groups/0/controls/1/id', message: 'required' }),
        expect.objectContaining({ path: '/catalog/metadata/version' }),
      ]),
    );
    expect(issues.every((i) => typeof i.line === 'number')).toBe(true);
  });

  it('refuses duplicate control ids and a catalog without controls', () => {
    const doc = JSON.parse(text);
    doc.catalog.groups[1].controls[0].id = 'ac-1';
    expect(issuesOf(() => parseOscalCatalog(JSON.stringify(doc), 'dup.json'))[0]).toMatchObject({
      path: '/catalog/groups/1/controls/0/id',
      message: expect.stringMatching(/duplicate/),
    });
    const empty = { catalog: { uuid: 'x', metadata: { title: 'Empty', version: '1' } } };
    expect(issuesOf(() => parseOscalCatalog(JSON.stringify(empty), 'empty.json'))[0]?.message).toMatch(/no groups/);
  });
});

describe('OSCAL profile parser', () => {
  it('names the group after the baseline and lists what it selects', () => {
    const profile = parseOscalProfile(fixture('mini-low-profile.json'), 'low.json');
    expect(profile.group).toMatchObject({ refId: 'LOW', name: 'Low impact baseline' });
    expect(profile.group.description).toContain('LOW IMPACT BASELINE');
    expect(profile.catalogHints).toEqual(expect.arrayContaining(['Mini Catalog: Test Controls', 'mini-catalog']));
    expect(profile.include[0]?.ids).toEqual(['ac-1', 'ac-2', 'au-1']);
    expect(groupRefIdOf('Something Custom v2')).toBe('SOMETHING-CUSTOM-V2');
  });

  it('resolves include-all, exclusions and child controls', () => {
    const controls = [
      { oscalId: 'ac-1', parentOscalId: null },
      { oscalId: 'ac-2', parentOscalId: null },
      { oscalId: 'ac-2.1', parentOscalId: 'ac-2' },
    ];
    const none = { ids: [], patterns: [], withChildren: false };
    const all = selectControls({ includeAll: true, include: [], exclude: [{ ...none, ids: ['ac-1'] }] }, controls);
    expect([...all]).toEqual(['ac-2', 'ac-2.1']);
    const withChildren = selectControls(
      { includeAll: false, include: [{ ...none, ids: ['ac-2'], withChildren: true }], exclude: [] },
      controls,
    );
    expect([...withChildren]).toEqual(['ac-2', 'ac-2.1']);
    const pattern = selectControls(
      { includeAll: false, include: [{ ...none, patterns: [/^ac-2.*$/] }], exclude: [] },
      controls,
    );
    expect([...pattern]).toEqual(['ac-2', 'ac-2.1']);
  });

  it('locates a broken profile', () => {
    expect(issuesOf(() => parseOscalProfile('{"profile": {"uuid": "x", "imports": []}}', 'p.json'))).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: '/profile/metadata', message: 'required' })]),
    );
  });
});

describe.skipIf(!hasSharedOscal)('OSCAL importers on the real NIST SP 800-53 rev5 files', () => {
  const read = readShared;
  const content = hasSharedOscal ? parseOscalCatalog(read(CATALOG_800_53), 'catalog.json') : null;
  const nodes = content?.frameworks[0]?.nodes ?? [];

  it('counts 20 families, 1,189 controls and enhancements, 182 withdrawn', () => {
    expect(nodes.filter((n) => n.extra?.kind === 'group')).toHaveLength(20);
    const controls = nodes.filter((n) => n.extra?.kind === 'control');
    expect(controls).toHaveLength(1189);
    expect(controls.filter((n) => n.withdrawn)).toHaveLength(182);
    expect(controls.filter((n) => n.assessable)).toHaveLength(1189 - 182);
    expect(content?.frameworks[0]?.frameworkVersion).toBe('5.0.1');
  });

  it('keeps the hierarchy: AC-2(1) under AC-2 under the AC family', () => {
    const ref = new Map(nodes.map((n) => [n.refId, n]));
    expect(ref.get('AC-2(1)')?.parentUrn).toBe(ref.get('AC-2')?.urn);
    expect(ref.get('AC-2')?.parentUrn).toBe(ref.get('AC')?.urn);
    expect(ref.get('AC')?.name).toBe('Access Control');
    expect(ref.get('AC-2')?.description).not.toMatch(/\{\{/);
  });

  it.each([
    ['LOW', 149],
    ['MODERATE', 287],
    ['HIGH', 370],
  ])('parses the %s baseline with its %i control ids', (level, count) => {
    const profile = parseOscalProfile(read(`NIST_SP-800-53_rev5_${level}-baseline_profile.json`), `${level}.json`);
    expect(profile.group.refId).toBe(level);
    expect(profile.include.flatMap((s) => s.ids)).toHaveLength(count);
    expect(profile.catalogHints).toContain(content?.frameworks[0]?.name);
  });
});
