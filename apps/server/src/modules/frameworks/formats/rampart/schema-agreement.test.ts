import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { rampartLibrarySchema } from './schema.js';

/**
 * The published JSON Schema (docs/formats/rampart-library.schema.json) and the zod schema the importer uses
 * must accept and refuse the same documents, or editors would approve files the importer rejects.
 */
const schemaPath = new URL('../../../../../../../docs/formats/rampart-library.schema.json', import.meta.url);
const validate = new Ajv2020({ allErrors: true }).compile(JSON.parse(readFileSync(schemaPath, 'utf8')));

const example = parseYaml(readFileSync(new URL('./fixtures/example.yaml', import.meta.url), 'utf8'));
// The variants below mutate the example into deliberately wrong shapes, which no precise type could describe.
// biome-ignore lint/suspicious/noExplicitAny: test documents are edited freely, validity is what is under test
type Doc = Record<string, any>;
const base = () => structuredClone(example) as Doc;
const fw = (doc: Doc) => doc.frameworks[0];
const req = (doc: Doc) => fw(doc).requirements[0].requirements[0];

const valid: [string, () => unknown][] = [
  ['the documented example', base],
  ['an empty library', () => ({ format: 'rampart-library', formatVersion: 1 })],
  ['with a $schema link', () => ({ ...base(), $schema: './rampart-library.schema.json' })],
  [
    'a requirement with only a urn',
    () => ({ ...base(), frameworks: [{ ...fw(base()), requirements: [{ urn: 'u:1' }] }] }),
  ],
  [
    'free-form extra',
    () => {
      const d = base();
      req(d).extra = { params: [{ id: 'p1' }], 'sort-id': 'a-01' };
      return d;
    },
  ],
  [
    'a 300-character urn',
    () => {
      const d = base();
      req(d).urn = `u:${'x'.repeat(298)}`;
      return d;
    },
  ],
  [
    'strength 0 and 10',
    () => {
      const d = base();
      d.mappingSets[0].rules.push(
        { source: 'a', target: 'b', relationship: 'equal', strength: 0 },
        { source: 'a', target: 'c', relationship: 'not_related', strength: 10 },
      );
      return d;
    },
  ],
];

const invalid: [string, () => unknown][] = [
  [
    'no format marker',
    () => {
      const d = base();
      delete d.format;
      return d;
    },
  ],
  ['another format', () => ({ ...base(), format: 'ciso-assistant' })],
  ['format version 2', () => ({ ...base(), formatVersion: 2 })],
  ['an unknown top-level field', () => ({ ...base(), objects: {} })],
  [
    'a framework without version',
    () => {
      const d = base();
      delete fw(d).version;
      return d;
    },
  ],
  [
    'a numeric framework version',
    () => {
      const d = base();
      fw(d).version = 2025;
      return d;
    },
  ],
  [
    'a framework without requirements',
    () => {
      const d = base();
      fw(d).requirements = [];
      return d;
    },
  ],
  [
    'an unknown requirement field',
    () => {
      const d = base();
      req(d).title = 'x';
      return d;
    },
  ],
  [
    'a requirement without urn',
    () => {
      const d = base();
      delete req(d).urn;
      return d;
    },
  ],
  [
    'a urn with a space',
    () => {
      const d = base();
      req(d).urn = 'urn:a b';
      return d;
    },
  ],
  [
    'a 301-character urn',
    () => {
      const d = base();
      req(d).urn = `u:${'x'.repeat(299)}`;
      return d;
    },
  ],
  [
    'an empty refId',
    () => {
      const d = base();
      req(d).refId = '';
      return d;
    },
  ],
  [
    'a bad importance',
    () => {
      const d = base();
      req(d).importance = 'critical';
      return d;
    },
  ],
  [
    'a string assessable',
    () => {
      const d = base();
      req(d).assessable = 'yes';
      return d;
    },
  ],
  [
    'a fractional weight',
    () => {
      const d = base();
      req(d).weight = 1.5;
      return d;
    },
  ],
  [
    'a negative weight',
    () => {
      const d = base();
      req(d).weight = -1;
      return d;
    },
  ],
  [
    'extra as an array',
    () => {
      const d = base();
      req(d).extra = [];
      return d;
    },
  ],
  [
    'a translation that is not text',
    () => {
      const d = base();
      req(d).translations = { fr: { name: 3 } };
      return d;
    },
  ],
  [
    'a too-long locale key',
    () => {
      const d = base();
      req(d).translations = { 'fr-FR-x-long': { name: 'n' } };
      return d;
    },
  ],
  [
    'a bad relationship',
    () => {
      const d = base();
      d.mappingSets[0].rules[0].relationship = 'related';
      return d;
    },
  ],
  [
    'strength 11',
    () => {
      const d = base();
      d.mappingSets[0].rules[0].strength = 11;
      return d;
    },
  ],
  [
    'a rule without target',
    () => {
      const d = base();
      delete d.mappingSets[0].rules[0].target;
      return d;
    },
  ],
  [
    'a mapping set without rules',
    () => {
      const d = base();
      delete d.mappingSets[0].rules;
      return d;
    },
  ],
  [
    'a group without name',
    () => {
      const d = base();
      delete fw(d).implementationGroups[0].name;
      return d;
    },
  ],
  [
    'a fractional score',
    () => {
      const d = base();
      fw(d).scoresDefinition[0].score = 0.5;
      return d;
    },
  ],
  [
    'an unknown reference control field',
    () => {
      const d = base();
      d.referenceControls[0].owner = 'me';
      return d;
    },
  ],
  [
    'a too-long category',
    () => {
      const d = base();
      d.referenceControls[0].category = 'c'.repeat(41);
      return d;
    },
  ],
];

describe('Rampart library JSON Schema and zod schema', () => {
  it.each(valid)('both accept %s', (_, make) => {
    const doc = make();
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(rampartLibrarySchema.safeParse(doc).error?.issues).toBeUndefined();
  });

  it.each(invalid)('both refuse %s', (_, make) => {
    const doc = make();
    expect(validate(doc)).toBe(false);
    expect(rampartLibrarySchema.safeParse(doc).success).toBe(false);
  });
});
