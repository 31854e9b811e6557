import type { RequirementItem } from './use-library';

/** The tree's shape, computed once per framework: who is whose parent, who has children. */
export interface TreeIndex {
  items: RequirementItem[];
  byId: Map<string, RequirementItem>;
  parentIds: Set<string>;
}

export function indexTree(items: RequirementItem[]): TreeIndex {
  const byId = new Map(items.map((item) => [item.id, item]));
  const parentIds = new Set<string>();
  for (const item of items) if (item.parentId) parentIds.add(item.parentId);
  return { items, byId, parentIds };
}

export interface VisibleRow {
  item: RequirementItem;
  hasChildren: boolean;
  expanded: boolean;
  matched: boolean;
}

/** The node and every ancestor up to its root. */
function withAncestors(index: TreeIndex, ids: Iterable<string>): Set<string> {
  const result = new Set<string>();
  for (const id of ids) {
    let current = index.byId.get(id);
    while (current && !result.has(current.id)) {
      result.add(current.id);
      current = current.parentId ? index.byId.get(current.parentId) : undefined;
    }
  }
  return result;
}

/** The branches to open so every match shows: the ancestors of the matches, not the matches themselves. */
export function ancestorsOf(index: TreeIndex, ids: Iterable<string>): Set<string> {
  const result = new Set<string>();
  for (const id of ids) {
    const item = index.byId.get(id);
    if (item?.parentId) for (const ancestor of withAncestors(index, [item.parentId])) result.add(ancestor);
  }
  return result;
}

/**
 * The rows to draw, in tree order: the nodes kept by the filters (a match keeps its ancestors so it has its
 * context), without the subtree of a collapsed node. One pass over the depth-first list: a skipped node skips
 * every following node deeper than it, which is exactly its subtree. Only these rows reach the DOM.
 */
export function visibleRows(
  index: TreeIndex,
  options: { matching: Set<string> | null; hideWithdrawn: boolean; expanded: Set<string> },
): VisibleRow[] {
  const kept = options.matching ? withAncestors(index, options.matching) : null;
  const include = (item: RequirementItem) => (!kept || kept.has(item.id)) && !(options.hideWithdrawn && item.withdrawn);
  // A parent keeps its toggle only if one of its children survives the filters.
  const keptParents = new Set<string>();
  for (const item of index.items) if (item.parentId && include(item)) keptParents.add(item.parentId);

  const rows: VisibleRow[] = [];
  let skipDeeperThan = Number.POSITIVE_INFINITY;
  for (const item of index.items) {
    if (item.depth > skipDeeperThan) continue;
    skipDeeperThan = Number.POSITIVE_INFINITY;
    if (!include(item)) {
      skipDeeperThan = item.depth;
      continue;
    }
    const hasChildren = keptParents.has(item.id);
    const expanded = hasChildren && options.expanded.has(item.id);
    rows.push({ item, hasChildren, expanded, matched: options.matching?.has(item.id) ?? false });
    if (!expanded) skipDeeperThan = item.depth;
  }
  return rows;
}

/** "AC-2(1) Automated System Account Management": the reference first, as auditors quote it. */
export function nodeLabel(item: Pick<RequirementItem, 'refId' | 'name' | 'urn'>): string {
  return [item.refId, item.name].filter(Boolean).join(' ') || item.urn;
}
