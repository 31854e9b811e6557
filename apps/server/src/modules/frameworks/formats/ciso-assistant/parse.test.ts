import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LibraryFormatError, type LibraryIssue } from '../../library-content.js';
import { parseCisoAssistantLibrary } from './parse.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

function issuesOf(text: string, file = 'lib.yaml'): LibraryIssue[] {
  try {
    parseCisoAssistantLibrary(text, file);
  } catch (error) {
    if (error instanceof LibraryFormatError) return error.issues;
    throw error;
  }
  throw new Error('expected a LibraryFormatError');
}

describe('parseCisoAssistantLibrary', () => {
  it('reads a framework with its metadata, groups, scores and translations', () => {
    const content = parseCisoAssistantLibrary(fixture('mini-framework.yaml'), 'mini-framework.yaml');
    expect(content.sourceFormat).toBe('ciso_assistant');
    expect(content.sourceSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(content.frameworks).toHaveLength(1);
    const fw = content.frameworks[0];
    expect(fw).toMatchObject({
      urn: 'urn:rampart-test:risk:framework:mini-fw',
      refId: 'MINI-FW',
      name: 'Mini framework',
      frameworkVersion: '2',
      provider: 'Rampart tests',
      packager: 'rampart',
      locale: 'en',
      minScore: 0,
      maxScore: 3,
      implementationGroups: [
        { refId: 'basic', name: 'Basic', description: null },
        { refId: 'full', name: 'Full', description: 'Everything.' },
      ],
      scoresDefinition: [
        { score: 0, name: 'Absent', description: null },
        { score: 3, name: 'Complete', description: 'In place and reviewed.' },
      ],
      // The framework has none of its own, so the library's are kept; null values are dropped.
      translations: { fr: { name: 'Mini référentiel' } },
    });
  });

  it('orders nodes depth-first whatever the file order, keeping sibling order', () => {
    const fw = parseCisoAssistantLibrary(fixture('mini-framework.yaml'), 'f.yaml').frameworks[0];
    expect(fw?.nodes.map((n) => n.refId)).toEqual(['GV', 'GV.2', 'GV.1', '1.1', 'PR', 'PR.1']);
    const seen = new Set<string>();
    for (const node of fw?.nodes ?? []) {
      if (node.parentUrn) expect(seen.has(node.parentUrn)).toBe(true);
      seen.add(node.urn);
    }
  });

  it('maps node fields, treating an empty importance as none and a numeric ref_id as text', () => {
    const nodes = parseCisoAssistantLibrary(fixture('mini-framework.yaml'), 'f.yaml').frameworks[0]?.nodes ?? [];
    const byRef = new Map(nodes.map((n) => [n.refId, n]));
    expect(byRef.get('GV')).toMatchObject({
      assessable: false,
      parentUrn: null,
      translations: { fr: { name: 'Gouverner' } },
    });
    expect(byRef.get('GV.2')).toMatchObject({ importance: null, implementationGroups: ['full'], weight: 1 });
    expect(byRef.get('1.1')).toMatchObject({
      parentUrn: 'urn:rampart-test:risk:req_node:mini-fw:gv-1',
      name: null,
      description: 'The policy names an owner.',
      importance: 'mandatory',
      weight: 2,
      typicalEvidence: 'Signed policy document',
      implementationGroups: ['basic', 'full'],
      referenceControlUrns: ['urn:rampart-test:risk:function:mini-fw:rc-1'],
      withdrawn: false,
    });
    // A reference control from another library is kept: the writer resolves it against the library.
    expect(byRef.get('GV.1')?.referenceControlUrns).toContain('urn:rampart-test:risk:function:other-lib:rc-9');
  });

  it('reads reference controls and leaves threats and risk matrices out', () => {
    const content = parseCisoAssistantLibrary(fixture('mini-framework.yaml'), 'f.yaml');
    expect(content.referenceControls).toEqual([
      expect.objectContaining({
        urn: 'urn:rampart-test:risk:function:mini-fw:rc-1',
        refId: 'RC.1',
        category: 'policy',
        csfFunction: 'govern',
        provider: 'Rampart tests',
      }),
      expect.objectContaining({ refId: 'RC.2', category: 'process', description: null }),
    ]);
    expect(JSON.stringify(content)).not.toContain('threat:mini-fw');
    expect(content.mappingSets).toEqual([]);
  });

  it('declares implementation groups that nodes use without a definition', () => {
    const text = fixture('mini-framework.yaml').replace(
      'implementation_groups: [full]\n        reference_controls',
      'implementation_groups: [full, extra]\n        reference_controls',
    );
    const groups = parseCisoAssistantLibrary(text, 'f.yaml').frameworks[0]?.implementationGroups;
    expect(groups?.map((g) => [g.refId, g.name])).toEqual([
      ['basic', 'Basic'],
      ['full', 'Full'],
      ['extra', 'extra'],
    ]);
  });

  it('reads a single requirement_mapping_set object', () => {
    const content = parseCisoAssistantLibrary(fixture('mapping-single.yaml'), 'm.yaml');
    expect(content.frameworks).toEqual([]);
    expect(content.mappingSets).toEqual([
      {
        urn: 'urn:rampart-test:risk:req_mapping_set:a-to-b',
        refId: 'a-to-b',
        name: 'A to B',
        description: null,
        sourceFrameworkUrn: 'urn:rampart-test:risk:framework:a',
        targetFrameworkUrn: 'urn:rampart-test:risk:framework:b',
        provider: 'Rampart tests',
        rules: [
          {
            sourceRequirementUrn: 'urn:rampart-test:risk:req_node:a:1',
            targetRequirementUrn: 'urn:rampart-test:risk:req_node:b:1',
            relationship: 'equal',
            rationale: 'semantic',
            strength: 10,
          },
          expect.objectContaining({ relationship: 'subset', rationale: null, strength: null }),
        ],
      },
    ]);
  });

  it('reads a list of requirement_mapping_sets', () => {
    const text = fixture('mapping-single.yaml')
      .replace('  requirement_mapping_set:\n    urn:', '  requirement_mapping_sets:\n  - urn:')
      .replace(/\n {4}(?=\S)/g, '\n    ');
    const content = parseCisoAssistantLibrary(text, 'm.yaml');
    expect(content.mappingSets.map((s) => s.rules.length)).toEqual([2]);
  });

  it('locates unknown parents, cycles and duplicate URNs by path and line', () => {
    const issues = issuesOf(fixture('broken-tree.yaml'), 'broken-tree.yaml');
    expect(issues).toEqual([
      {
        file: 'broken-tree.yaml',
        path: 'objects.framework.requirement_nodes[1].parent_urn',
        line: 17,
        message: 'Unknown parent URN "urn:x:missing"',
      },
      expect.objectContaining({
        path: 'objects.framework.requirement_nodes[2].parent_urn',
        line: 20,
        message: expect.stringContaining('cycle'),
      }),
      expect.objectContaining({
        path: 'objects.framework.requirement_nodes[3].parent_urn',
        line: 23,
        message: expect.stringContaining('cycle'),
      }),
      expect.objectContaining({
        path: 'objects.framework.requirement_nodes[4].urn',
        line: 24,
        message: expect.stringContaining('Duplicate URN'),
      }),
    ]);
  });

  it('locates shape errors: wrong type, missing field, bad enum, over-long value', () => {
    const text = [
      'urn: urn:x:lib', //  1
      'locale: en', //  2
      'ref_id: X', //  3
      'name: X', //  4
      'version: 1', //  5
      'objects:', //  6
      '  framework:', //  7
      '    urn: urn:x:fw', //  8
      '    ref_id: X', //  9
      '    name: X', // 10
      '    requirement_nodes:', // 11
      '    - urn: urn:x:1', // 12
      '      assessable: yes please', // 13
      '    - urn: urn:x:2', // 14
      '      ref_id: 2', // 15
      '    - urn: urn:x:3', // 16
      '      assessable: true', // 17
      '      importance: critical', // 18
      `      name: ${'n'.repeat(10)}`, // 19
      `    - urn: urn:x:${'u'.repeat(300)}`, // 20
      '      assessable: true', // 21
    ].join('\n');
    const issues = issuesOf(text);
    const where = issues.map((i) => [i.path, i.line]);
    expect(where).toEqual([
      ['objects.framework.requirement_nodes[0].assessable', 13],
      ['objects.framework.requirement_nodes[1].assessable', 14],
      ['objects.framework.requirement_nodes[2].importance', 18],
      ['objects.framework.requirement_nodes[3].urn', 20],
    ]);
    expect(issues[3]?.message).toContain('at most 300');
  });

  it('reports YAML syntax errors and duplicate keys with their line', () => {
    expect(issuesOf('urn: a\nname: [unclosed\n')[0]).toMatchObject({
      path: '',
      message: expect.stringContaining('Invalid YAML'),
    });
    const dup = issuesOf('urn: a\nlocale: en\nurn: b\n');
    expect(dup[0]).toMatchObject({ line: 3, message: expect.stringContaining('Invalid YAML') });
  });

  it('refuses a library with nothing Rampart imports', () => {
    const text =
      'urn: urn:x\nlocale: en\nref_id: T\nname: Threats only\nversion: 1\nobjects:\n  threats:\n  - urn: urn:x:t\n';
    expect(issuesOf(text)).toEqual([
      expect.objectContaining({ path: 'objects', line: 6, message: expect.stringContaining('Nothing to import') }),
    ]);
  });

  it('refuses a document that is not a mapping and alias bombs', () => {
    expect(issuesOf('- just\n- a list\n')[0]?.message).toBeTruthy();
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
    ].join('\n');
    expect(issuesOf(bomb)[0]?.message).toContain('Invalid YAML');
  });
});
