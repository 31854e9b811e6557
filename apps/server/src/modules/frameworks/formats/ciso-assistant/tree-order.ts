export interface FlatNode {
  urn: string;
  parentUrn?: string | null;
}

/** A structural problem, pointing at the node's position in the input list and the field to blame. */
export interface TreeProblem {
  index: number;
  field: 'urn' | 'parentUrn';
  message: string;
}

/**
 * Puts parent-linked nodes in depth-first order (a parent before its children, siblings in the order the file
 * lists them), whatever order the file used. Refuses what cannot be a tree: duplicate URNs, parents that do not
 * exist, and cycles (nodes that no chain of parents connects to a top-level node).
 */
export function orderDepthFirst<T extends FlatNode>(nodes: readonly T[]): { ordered: T[]; problems: TreeProblem[] } {
  const problems: TreeProblem[] = [];
  const indexOfUrn = new Map<string, number>();
  nodes.forEach((node, index) => {
    if (indexOfUrn.has(node.urn)) {
      problems.push({
        index,
        field: 'urn',
        message: `Duplicate URN "${node.urn}" (first at item ${indexOfUrn.get(node.urn)})`,
      });
    } else {
      indexOfUrn.set(node.urn, index);
    }
  });

  const roots: number[] = [];
  const children = new Map<string, number[]>();
  nodes.forEach((node, index) => {
    if (indexOfUrn.get(node.urn) !== index) return;
    const parent = node.parentUrn;
    if (parent === null || parent === undefined || parent === '') {
      roots.push(index);
    } else if (!indexOfUrn.has(parent)) {
      problems.push({ index, field: 'parentUrn', message: `Unknown parent URN "${parent}"` });
    } else {
      const siblings = children.get(parent);
      if (siblings) siblings.push(index);
      else children.set(parent, [index]);
    }
  });

  const ordered: T[] = [];
  const visited = new Set<number>();
  // Iterative: a 10,000-deep chain in a hostile file must not overflow the stack.
  const stack = [...roots].reverse();
  while (stack.length > 0) {
    const index = stack.pop() as number;
    const node = nodes[index] as T;
    visited.add(index);
    ordered.push(node);
    const kids = children.get(node.urn);
    if (kids) for (let k = kids.length - 1; k >= 0; k--) stack.push(kids[k] as number);
  }

  nodes.forEach((node, index) => {
    const parent = node.parentUrn;
    if (visited.has(index) || indexOfUrn.get(node.urn) !== index) return;
    if (parent && indexOfUrn.has(parent)) {
      problems.push({ index, field: 'parentUrn', message: `Parent chain of "${node.urn}" forms a cycle` });
    }
  });
  problems.sort((a, b) => a.index - b.index);
  return { ordered, problems };
}
