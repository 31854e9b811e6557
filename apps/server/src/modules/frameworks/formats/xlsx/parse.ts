import type ExcelJS from 'exceljs';
import { sha256Hex } from '../../../../platform/crypto.js';
import { loadExcel } from '../../../../platform/libraries.js';
import { type LibraryContent, LibraryFormatError } from '../../library-content.js';
import { MAX_REPORTED_ISSUES } from '../ciso-assistant/zod-issues.js';
import { issueCollector } from './cells.js';
import { readFrameworkSheet } from './framework-sheet.js';
import { FRAMEWORK_SHEET, REQUIREMENTS_SHEET } from './layout.js';
import { readRequirementsSheet } from './requirements-sheet.js';
import { buildTree } from './tree.js';

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** An XLSX file is a ZIP archive: its first bytes say so, whatever the file is called. */
export const looksLikeXlsx = (data: Buffer) => data.subarray(0, 4).equals(ZIP_MAGIC);

/**
 * Reads a filled-in framework template (see template.ts) into library content: one framework, its
 * implementation groups and its requirement tree. Every problem is reported at once, located by sheet, cell
 * and row; a file with any problem imports nothing. Pure apart from being async (exceljs reads asynchronously).
 */
export async function parseFrameworkXlsx(data: Buffer, fileName: string): Promise<LibraryContent> {
  const issues = issueCollector(fileName);
  const fail = (): never => {
    throw new LibraryFormatError(issues.issues.slice(0, MAX_REPORTED_ISSUES));
  };
  const workbook = new (await loadExcel()).Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    issues.issues.push({ file: fileName, path: '', line: 1, message: 'The file is not a readable XLSX workbook' });
    fail();
  }
  const frameworkSheet = sheetNamed(workbook, FRAMEWORK_SHEET);
  const requirementsSheet = sheetNamed(workbook, REQUIREMENTS_SHEET);
  for (const [sheet, name] of [
    [frameworkSheet, FRAMEWORK_SHEET],
    [requirementsSheet, REQUIREMENTS_SHEET],
  ] as const) {
    if (!sheet) issues.issues.push({ file: fileName, path: name, message: `The workbook has no "${name}" sheet` });
  }
  if (!frameworkSheet || !requirementsSheet) return fail();

  const framework = readFrameworkSheet(frameworkSheet, issues);
  const declared = new Set(framework.groups.map((g) => g.refId));
  const { rows, column } = readRequirementsSheet(requirementsSheet, declared, issues);
  const urn = framework.fields.urn ?? 'urn:invalid';
  const nodes = buildTree(rows, urn, requirementsSheet, column, issues);
  if (issues.issues.length > 0) fail();

  return {
    // The template is Rampart's own format in a workbook; the frameworks table knows no separate "xlsx" source.
    sourceFormat: 'rampart',
    sourceSha256: sha256Hex(data),
    frameworks: [
      {
        urn,
        refId: framework.fields.refId ?? '',
        name: framework.fields.name ?? '',
        description: framework.fields.description ?? null,
        frameworkVersion: framework.fields.version ?? '',
        provider: framework.fields.provider ?? null,
        implementationGroups: framework.groups,
        nodes,
      },
    ],
    referenceControls: [],
    mappingSets: [],
  };
}

/** Sheets are found by name, ignoring case and surrounding spaces (people rename "framework" to "Framework"). */
function sheetNamed(workbook: ExcelJS.Workbook, name: string) {
  return workbook.worksheets.find((ws) => ws.name.trim().toLowerCase() === name);
}
