import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LibraryFormatError, type LibraryIssue } from '../../library-content.js';
import { parseRampartLibrary } from './parse.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

function issuesOf(text: string, file: string): LibraryIssue[] {
  try {
    parseRampartLibrary(text, file);
  } catch (error) {
    if (error instanceof LibraryFormatError) return error.issues;
    throw error;
  }
  throw new Error('expected a LibraryFormatError');
}

const minimal = (requirements: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify(
    {
      format: 'rampart-library',
      formatVersion: 1,
      frameworks: [{ urn: 'urn:t:fw', refId: 'T', name: 'T', version: '1', requirements, ...extra }],
    },
    null,
    2,
  );

describe('parseRampartLibrary', () => {
  it('flattens the nested tree depth-first with parent URNs', () => {
    const content = parseRampartLibrary(fixture('example.yaml'), 'example.yaml');
    expect(content.sourceFormat).toBe('rampart');
    const fw = content.frameworks[0];
    expect(fw?.nodes.map((n) => [n.refId, n.parentUrn ?? null])).toEqual([
      ['GOV', null],
      ['GOV-1', 'urn:acme:req:sb:gov'],
      ['GOV-1(1)', 'urn:acme:req:sb:gov-1'],
      ['GOV-2', 'urn:acme:req:sb:gov'],
      ['OPS', null],
    ]);
  });

  it('defaults assessable to "is a leaf" unless said, and keeps every field', () => {
    const fw = parseRampartLibrary(fixture('example.yaml'), 'example.yaml').frameworks[0];
    const byRef = new Map(fw?.nodes.map((n) => [n.refId, n]));
    expect(byRef.get('GOV')?.assessable).toBe(false);
    // Said explicitly in the file: a requirement with sub-requirements that is assessed itself.
    expect(byRef.get('GOV-1')).toMatchObject({
      assessable: true,
      importance: 'mandatory',
      implementationGroups: ['essential', 'advanced'],
      referenceControlUrns: ['urn:acme:control:policy'],
      description: 'A written security policy is approved and published.',
    });
    expect(byRef.get('GOV-1(1)')).toMatchObject({ assessable: true, implementationGroups: ['advanced'] });
    expect(byRef.get('GOV-2')).toMatchObject({ assessable: true, withdrawn: true });
    expect(byRef.get('OPS')?.assessable).toBe(false);
    expect(fw).toMatchObject({
      frameworkVersion: '2025.1',
      locale: 'en',
      minScore: 0,
      maxScore: 3,
      implementationGroups: [
        { refId: 'essential', name: 'Essential', description: null },
        { refId: 'advanced', name: 'Advanced', description: 'For teams handling sensitive data.' },
      ],
    });
  });

  it('reads the same content from JSON and YAML', () => {
    const fromYaml = parseRampartLibrary(fixture('example.yaml'), 'example.yaml');
    const fromJson = parseRampartLibrary(fixture('example.json'), 'example.json');
    expect({ ...fromJson, sourceSha256: '' }).toEqual({ ...fromYaml, sourceSha256: '' });
    expect(fromJson.referenceControls[0]).toMatchObject({ refId: 'POL', category: 'policy', csfFunction: 'govern' });
    expect(fromJson.mappingSets[0]?.rules[0]).toEqual({
      sourceRequirementUrn: 'urn:acme:req:sb:gov-1',
      targetRequirementUrn: 'urn:acme:req:other:1',
      relationship: 'subset',
      rationale: null,
      strength: 7,
    });
  });

  it('locates unknown fields and bad values in JSON by pointer and line', () => {
    const text = minimal([
      { urn: 'urn:t:1', titel: 'typo' },
      { urn: 'urn:t:2', importance: 'high' },
    ]);
    const issues = issuesOf(text, 'lib.json');
    expect(issues).toEqual([
      { file: 'lib.json', path: '/frameworks/0/requirements/0/titel', line: 13, message: 'Unknown field "titel"' },
      expect.objectContaining({ path: '/frameworks/0/requirements/1/importance', line: 17 }),
    ]);
  });

  it('locates a missing field at its parent in YAML', () => {
    const text =
      'format: rampart-library\nformatVersion: 1\nframeworks:\n  - urn: urn:t:fw\n    refId: T\n    name: T\n    requirements: [{ urn: urn:t:1 }]\n';
    expect(issuesOf(text, 'lib.yaml')).toEqual([expect.objectContaining({ path: '/frameworks/0/version', line: 4 })]);
  });

  it('refuses a wrong format marker or version', () => {
    expect(issuesOf('{"format":"other","formatVersion":2}', 'x.json').map((i) => i.path)).toEqual([
      '/format',
      '/formatVersion',
    ]);
  });

  it('refuses duplicate URNs and undeclared implementation groups', () => {
    const text = minimal([{ urn: 'urn:t:1', requirements: [{ urn: 'urn:t:1', implementationGroups: ['L9'] }] }], {
      implementationGroups: [{ refId: 'L1', name: 'Level 1' }],
    });
    const issues = issuesOf(text, 'lib.json');
    expect(issues.map((i) => [i.path, i.message])).toEqual([
      ['/frameworks/0/requirements/0/requirements/0/urn', 'Duplicate URN "urn:t:1"'],
      [
        '/frameworks/0/requirements/0/requirements/0/implementationGroups/0',
        'Implementation group "L9" is not declared in the framework\'s implementationGroups',
      ],
    ]);
    expect(issues.every((i) => typeof i.line === 'number')).toBe(true);
  });

  it('refuses nesting deeper than the limit without overflowing the stack', () => {
    const levels = 5000;
    const deep = `${'{"urn":"urn:t:n","requirements":['.repeat(levels)}{"urn":"urn:t:leaf"}${']}'.repeat(levels)}`;
    const issues = issuesOf(minimal(['DEEP']).replace('"DEEP"', deep), 'deep.json');
    expect(issues[0]?.message).toContain('nested too deeply');
  });

  it('reports invalid JSON with its line', () => {
    expect(issuesOf('{\n  "format": "rampart-library",\n  "formatVersion": 1,\n}', 'bad.json')[0]).toMatchObject({
      line: 4,
      message: expect.stringContaining('Invalid JSON'),
    });
  });
});
