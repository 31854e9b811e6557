import type { CellValue, Worksheet } from 'exceljs';
import type { LibraryIssue } from '../../library-content.js';

/** The text a person sees in a cell (rich text, hyperlinks and formula results included), trimmed. */
export function textOf(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.replace(/\r\n?/g, '\n').trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return textOf(value.richText.map((r) => r.text).join(''));
    if ('text' in value && typeof value.text === 'string') return textOf(value.text);
    if ('result' in value) return textOf((value.result ?? null) as CellValue);
  }
  return '';
}

/** "C5": how a spreadsheet names a cell. */
export function cellRef(column: number, row: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row}`;
}

/** Collects located issues: sheet and cell in `path`, the row as `line`, the column's name in the message. */
export function issueCollector(file: string) {
  const issues: LibraryIssue[] = [];
  return {
    issues,
    add(sheet: Worksheet | string, row: number, column: { index: number; name: string } | null, message: string) {
      const name = typeof sheet === 'string' ? sheet : sheet.name;
      issues.push({
        file,
        path: column ? `${name}!${cellRef(column.index, row)}` : `${name}!${row}:${row}`,
        line: row,
        message: column ? `Column "${column.name}": ${message}` : message,
      });
    },
  };
}
export type IssueCollector = ReturnType<typeof issueCollector>;
