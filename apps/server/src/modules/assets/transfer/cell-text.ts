import type { CellValue } from 'exceljs';

/** The text a person sees in a cell, whatever exceljs made of it (rich text, hyperlinks, formula results). */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return normalise(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText))
      return normalise(value.richText.map((r) => r.text).join(''));
    if ('text' in value && typeof value.text === 'string') return normalise(value.text);
    if ('result' in value) return cellText((value.result ?? null) as CellValue);
  }
  return '';
}

const normalise = (text: string) => text.replace(/\r\n?/g, '\n').trim();
