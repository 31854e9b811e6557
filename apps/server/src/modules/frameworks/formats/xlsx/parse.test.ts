import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { LibraryFormatError } from '../../library-content.js';
import { fillTemplate } from './fill-template.js';
import { parseFrameworkXlsx } from './parse.js';
import { frameworkTemplateXlsx } from './template.js';

const framework = { URN: 'urn:acme:framework:sec', 'Ref ID': 'ACME', Name: 'Acme security', Version: '2.0' };

async function issuesOf(data: Buffer) {
  try {
    await parseFrameworkXlsx(data, 'acme.xlsx');
  } catch (error) {
    if (error instanceof LibraryFormatError) return error.issues;
    throw error;
  }
  throw new Error('the file was accepted');
}

describe('framework XLSX template', () => {
  it('has instructions, the framework and requirements sheets with drop-downs, and its example imports', async () => {
    const template = await frameworkTemplateXlsx();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(['Instructions', 'framework', 'requirements']);
    const requirements = workbook.getWorksheet('requirements') as ExcelJS.Worksheet;
    expect(requirements.getCell('F2').dataValidation).toMatchObject({ type: 'list', formulae: ['"yes,no"'] });
    expect(requirements.getCell('H500').dataValidation).toMatchObject({
      formulae: ['"mandatory,recommended,nice_to_have"'],
    });
    const content = await parseFrameworkXlsx(template, 'template.xlsx');
    expect(content.frameworks[0]).toMatchObject({
      urn: 'urn:example:framework:security-baseline',
      frameworkVersion: '1.0',
      implementationGroups: [expect.objectContaining({ refId: 'IG1' }), expect.objectContaining({ refId: 'IG2' })],
    });
    expect(content.frameworks[0]?.nodes.map((n) => n.refId)).toEqual(['1', '1.1', '1.2', '2', '2.1']);
  });
});

describe('parseFrameworkXlsx', () => {
  it('builds the tree depth-first whatever the row order, with URNs made from ref ids', async () => {
    const data = await fillTemplate({
      framework: { ...framework, Provider: 'Acme', Description: 'Ours' },
      groups: [
        ['BASIC', 'Basic'],
        ['FULL', 'Full'],
      ],
      requirements: [
        { 'Ref ID': '1.2', 'Parent ref ID': '1', Name: 'Second', Assessable: 'yes', Importance: 'Nice to have' },
        { 'Ref ID': '1', Name: 'Chapter one' },
        { 'Ref ID': '1.1', 'Parent ref ID': '1', Name: 'First', 'Implementation groups': 'BASIC, FULL' },
        { URN: 'urn:acme:custom', 'Ref ID': '1.1.a', 'Parent ref ID': '1.1', Name: 'Detail', Assessable: 'no' },
        { 'Ref ID': '2', Name: 'Chapter two', Description: 'Text', 'Typical evidence': 'Logs' },
      ],
    });
    const content = await parseFrameworkXlsx(data, 'acme.xlsx');
    expect(content.sourceFormat).toBe('rampart');
    expect(content.sourceSha256).toMatch(/^[0-9a-f]{64}$/);
    const fw = content.frameworks[0];
    expect(fw).toMatchObject({ urn: 'urn:acme:framework:sec', refId: 'ACME', provider: 'Acme', description: 'Ours' });
    expect(fw?.nodes.map((n) => [n.refId, n.urn, n.parentUrn, n.assessable])).toEqual([
      ['1', 'urn:acme:framework:sec:1', null, false],
      ['1.2', 'urn:acme:framework:sec:1.2', 'urn:acme:framework:sec:1', true],
      // A row with children is a heading unless it says otherwise.
      ['1.1', 'urn:acme:framework:sec:1.1', 'urn:acme:framework:sec:1', false],
      ['1.1.a', 'urn:acme:custom', 'urn:acme:framework:sec:1.1', false],
      ['2', 'urn:acme:framework:sec:2', null, true],
    ]);
    expect(fw?.nodes[1]).toMatchObject({ importance: 'nice_to_have' });
    expect(fw?.nodes[2]).toMatchObject({ implementationGroups: ['BASIC', 'FULL'] });
    expect(fw?.nodes[4]).toMatchObject({ description: 'Text', typicalEvidence: 'Logs' });
  });

  it('reports every problem located by sheet, cell and row: missing parent, duplicate ref id, missing name…', async () => {
    const data = await fillTemplate({
      framework: { ...framework, URN: 'urn with spaces', Version: '' },
      groups: [['BASIC', 'Basic']],
      requirements: [
        { 'Ref ID': '1', Name: 'Chapter' },
        { 'Ref ID': '1.1', 'Parent ref ID': '9', Name: 'Orphan' },
        { 'Ref ID': '1', Name: 'Again' },
        { 'Ref ID': '1.2', 'Parent ref ID': '1' },
        { 'Ref ID': '1.3', 'Parent ref ID': '1', Name: 'X', Assessable: 'perhaps', Importance: 'vital' },
        { 'Ref ID': '1.4', 'Parent ref ID': '1', Name: 'Y', 'Implementation groups': 'BASIC, GOLD' },
        { 'Ref ID': 'a', 'Parent ref ID': 'b', Name: 'cycle a' },
        { 'Ref ID': 'b', 'Parent ref ID': 'a', Name: 'cycle b' },
      ],
    });
    const issues = await issuesOf(data);
    const brief = issues.map((i) => `${i.path} ${i.message}`);
    expect(issues.every((i) => i.file === 'acme.xlsx' && typeof i.line === 'number')).toBe(true);
    expect(brief).toEqual(
      expect.arrayContaining([
        'framework!B2 Column "Value": A URN has no spaces',
        'framework!B5 Column "Value": Version is required',
        'requirements!D5 Column "Name": The name is required',
        'requirements!F6 Column "Assessable": "perhaps" is not yes or no',
        expect.stringMatching(/^requirements!H6 Column "Importance": "vital" is not one of/),
        'requirements!G7 Column "Implementation groups": "GOLD" is not declared on the framework sheet',
        'requirements!B4 Column "Ref ID": Ref ID "1" is already used on row 2',
        'requirements!C3 Column "Parent ref ID": No row has the ref ID "9"',
        expect.stringMatching(/^requirements!C8 Column "Parent ref ID": The parents form a cycle/),
        expect.stringMatching(/^requirements!C9 Column "Parent ref ID": The parents form a cycle/),
      ]),
    );
    expect(issues.find((i) => i.path === 'requirements!D5')?.line).toBe(5);
  });

  it('refuses a workbook without the sheets, and bytes that are not a workbook', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Sheet1');
    const issues = await issuesOf(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(issues.map((i) => i.message)).toEqual([
      'The workbook has no "framework" sheet',
      'The workbook has no "requirements" sheet',
    ]);
    expect((await issuesOf(Buffer.from('PK\u0003\u0004 not really')))[0]?.message).toContain('not a readable XLSX');
  });
});
