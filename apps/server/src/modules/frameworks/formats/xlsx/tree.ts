import type { Worksheet } from 'exceljs';
import type { RequirementNodeContent } from '../../library-content.js';
import { MAX_REQUIREMENT_DEPTH } from '../rampart/schema.js';
import type { IssueCollector } from './cells.js';
import type { RequirementColumnKey } from './layout.js';
import type { RequirementRow, SheetColumn } from './requirements-sheet.js';

/** A URN segment from a ref id: lower case, URN-safe characters only. */
const slug = (refId: string) =>
  refId
    .toLowerCase()
    .replace(/[^a-z0-9._()-]+/g, '-')
    .replace(/^-+|-+$/g, '') || 'node';

/**
 * Turns sheet rows into tree nodes in depth-first order (what the writer expects), whatever order the person
 * wrote them in; siblings keep their sheet order. Reports duplicate ref ids and URNs, parents that do not
 * exist, cycles and trees nested too deeply, each at its row.
 */
export function buildTree(
  rows: RequirementRow[],
  frameworkUrn: string,
  sheet: Worksheet,
  column: (key: RequirementColumnKey) => SheetColumn,
  issues: IssueCollector,
): RequirementNodeContent[] {
  const refColumn = column('refId');
  const urnOf = new Map<RequirementRow, string>();
  const byRef = new Map<string, RequirementRow>();
  const byUrn = new Map<string, RequirementRow>();
  for (const row of rows) {
    if (row.refId) {
      const earlier = byRef.get(row.refId);
      if (earlier) issues.add(sheet, row.row, refColumn, `Ref ID "${row.refId}" is already used on row ${earlier.row}`);
      else byRef.set(row.refId, row);
    }
    const urn = row.urn ?? `${frameworkUrn}:${slug(row.refId ?? '')}`;
    urnOf.set(row, urn);
    const earlier = byUrn.get(urn);
    if (earlier && earlier !== byRef.get(row.refId ?? '\0')) {
      issues.add(sheet, row.row, column('urn'), `URN "${urn}" is already used on row ${earlier.row}`);
    } else if (!earlier) byUrn.set(urn, row);
  }

  const children = new Map<RequirementRow | null, RequirementRow[]>();
  for (const row of rows) {
    let parent: RequirementRow | null = null;
    if (row.parentRef) {
      parent = byRef.get(row.parentRef) ?? byUrn.get(row.parentRef) ?? null;
      if (!parent) {
        issues.add(sheet, row.row, column('parentRefId'), `No row has the ref ID "${row.parentRef}"`);
        continue;
      }
      if (parent === row) {
        issues.add(sheet, row.row, column('parentRefId'), 'A requirement cannot be its own parent');
        continue;
      }
    }
    children.set(parent, [...(children.get(parent) ?? []), row]);
  }

  const nodes: RequirementNodeContent[] = [];
  const placed = new Set<RequirementRow>();
  // Iterative depth-first walk: a hostile sheet cannot overflow the stack.
  const stack: { row: RequirementRow; parentUrn: string | null; depth: number }[] = (children.get(null) ?? [])
    .map((row) => ({ row, parentUrn: null, depth: 1 }))
    .reverse();
  while (stack.length > 0) {
    const { row, parentUrn, depth } = stack.pop() as (typeof stack)[number];
    placed.add(row);
    if (depth > MAX_REQUIREMENT_DEPTH) {
      issues.add(sheet, row.row, null, `Requirements are nested too deeply (at most ${MAX_REQUIREMENT_DEPTH} levels)`);
      continue;
    }
    const kids = children.get(row) ?? [];
    const urn = urnOf.get(row) as string;
    nodes.push({
      urn,
      parentUrn,
      refId: row.refId,
      name: row.name,
      description: row.description,
      // Unsaid, a leaf is what gets assessed and a row with children is a heading.
      assessable: row.assessable ?? kids.length === 0,
      implementationGroups: row.implementationGroups,
      importance: row.importance,
      typicalEvidence: row.typicalEvidence,
    });
    for (let i = kids.length - 1; i >= 0; i--)
      stack.push({ row: kids[i] as RequirementRow, parentUrn: urn, depth: depth + 1 });
  }
  for (const row of rows) {
    if (!placed.has(row) && row.parentRef && (byRef.has(row.parentRef) || byUrn.has(row.parentRef))) {
      issues.add(
        sheet,
        row.row,
        column('parentRefId'),
        'The parents form a cycle: this row is never reached from a top-level row',
      );
    }
  }
  return nodes;
}
