import { stringify } from 'csv-stringify/sync';
import { loadExcel } from '../../../platform/libraries.js';
import { ASSETS_SHEET, type Column, exportColumns, LIST_SEPARATOR } from './columns.js';
import type { TransferContext } from './context.js';

/** A cell a spreadsheet would run as a formula gets a leading apostrophe in CSV; the import removes it. */
const defuse = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/** The readable inventory as rows of the import's columns (objectives by level name), sorted by name. */
export function exportRows(ctx: TransferContext): { columns: Column[]; rows: Record<string, string | number>[] } {
  const columns = exportColumns(ctx.settings.enabledObjectives);
  const folderName = new Map(ctx.folders.map((f) => [f.id, f.namePath]));
  const email = new Map(ctx.members.map((m) => [m.id, m.email]));
  const levelName = new Map(ctx.settings.objectiveScale.map((l) => [l.level, l.name]));
  const handle = new Map(ctx.assets.map((a) => [a.id, a.refId ?? a.name]));
  const rows = ctx.assets.map((a) => {
    const row: Record<string, string | number> = {
      ref_id: a.refId ?? '',
      name: a.name,
      type: a.type,
      category: a.category ?? '',
      description: a.description ?? '',
      folder: folderName.get(a.folderId) ?? '',
      business_value: a.businessValue ?? '',
      rto_minutes: a.rtoMinutes ?? '',
      rpo_minutes: a.rpoMinutes ?? '',
      mtd_minutes: a.mtdMinutes ?? '',
      tags: a.tags.join(`${LIST_SEPARATOR} `),
      owners: a.ownerIds
        .map((id) => email.get(id))
        .filter((e): e is string => e !== undefined)
        .sort()
        .join(`${LIST_SEPARATOR} `),
      supports: a.supports
        .map((id) => handle.get(id) ?? '')
        .sort()
        .join(`${LIST_SEPARATOR} `),
    };
    for (const key of ctx.settings.enabledObjectives) {
      const level = a.securityObjectives[key];
      row[key] = level === undefined ? '' : (levelName.get(level) ?? level);
    }
    return row;
  });
  return { columns, rows };
}

/** UTF-8 with a BOM so spreadsheet programs read accents. */
export function inventoryToCsv(ctx: TransferContext): string {
  const { columns, rows } = exportRows(ctx);
  const records = rows.map((r) =>
    columns.map((c) => (typeof r[c] === 'number' ? String(r[c]) : defuse(String(r[c] ?? '')))),
  );
  return `\uFEFF${stringify(records, { header: true, columns })}`;
}

export async function inventoryToXlsx(ctx: TransferContext, exportedAt: Date): Promise<Buffer> {
  const { columns, rows } = exportRows(ctx);
  const workbook = new (await loadExcel()).Workbook();
  workbook.creator = 'Rampart';
  workbook.created = exportedAt;
  const sheet = workbook.addWorksheet(ASSETS_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c, key: c, width: c === 'description' ? 50 : 20 }));
  for (const row of rows) sheet.addRow(row).alignment = { vertical: 'top', wrapText: true };
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
