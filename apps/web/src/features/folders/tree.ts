import type { Folder } from './use-folders';

export interface FolderNode {
  folder: Folder;
  children: FolderNode[];
}

/**
 * The API lists parents before children; a folder whose parent the caller cannot see becomes a root of its own
 * (a member bound to one folder sees that folder at the top).
 */
export function buildTree(folders: Folder[]): FolderNode[] {
  const nodes = new Map(folders.map((folder) => [folder.id, { folder, children: [] as FolderNode[] }]));
  const roots: FolderNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.folder.parentId ? nodes.get(node.folder.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const byName = (a: FolderNode, b: FolderNode) => a.folder.name.localeCompare(b.folder.name);
  const sort = (list: FolderNode[]) => {
    list.sort(byName);
    for (const n of list) sort(n.children);
  };
  sort(roots);
  return roots;
}

/** "Root / Security / Policies" — the names along the path the caller can see. */
export function pathLabel(folder: Folder, byId: Map<string, Folder>): string {
  return [...folder.pathIds.filter((id) => id !== folder.id), folder.id]
    .map((id) => byId.get(id)?.name)
    .filter(Boolean)
    .join(' / ');
}

/** A folder cannot move into itself or below itself. */
export function isInside(candidate: Folder, folder: Folder): boolean {
  return candidate.id === folder.id || candidate.pathIds.includes(folder.id);
}
