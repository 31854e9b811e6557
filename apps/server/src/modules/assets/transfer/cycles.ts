/**
 * A cycle of a directed graph, as the list of its nodes with the first repeated at the end (A → B → A), or null.
 * Iterative depth-first search, so a long chain cannot overflow the stack.
 */
export function findCycle(edges: { from: string; to: string }[]): string[] | null {
  const next = new Map<string, string[]>();
  for (const e of edges) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  const state = new Map<string, 'open' | 'done'>();
  for (const start of [...next.keys()].sort()) {
    if (state.has(start)) continue;
    const stack: { node: string; i: number }[] = [{ node: start, i: 0 }];
    state.set(start, 'open');
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as { node: string; i: number };
      const children = next.get(top.node) ?? [];
      if (top.i >= children.length) {
        state.set(top.node, 'done');
        stack.pop();
        continue;
      }
      const child = children[top.i++] as string;
      const seen = state.get(child);
      if (seen === 'open') {
        const from = stack.findIndex((s) => s.node === child);
        return [...stack.slice(from).map((s) => s.node), child];
      }
      if (seen === undefined) {
        state.set(child, 'open');
        stack.push({ node: child, i: 0 });
      }
    }
  }
  return null;
}
