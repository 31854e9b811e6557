/**
 * Which mapping sets lead from a source framework to the target framework. Frameworks are the nodes (by URN, so
 * any loaded version of them), mapping sets the edges, walkable both ways (backwards a set reads target → source).
 * Breadth-first from both ends keeps only the edges on a shortest path: a longer path is never used when a
 * shorter one exists, and cycles (A→B→A, a set mapping a framework to itself) can never be on one.
 */
export interface MappingSetEdgeInput {
  id: string;
  sourceFrameworkUrn: string;
  targetFrameworkUrn: string;
}

/** One step of a walk: a mapping set read forwards (source → target) or backwards. */
export interface Hop {
  mappingSetId: string;
  from: string;
  to: string;
  reversed: boolean;
}

export interface FrameworkPath {
  /** Hops grouped by distance from the source framework: level k leaves frameworks at distance k. */
  levels: Hop[][];
  distance: number;
}

/** Longer chains of mappings say too little to be worth the cost; five frameworks end to end is plenty. */
export const MAX_HOPS = 4;

export function adjacency(sets: MappingSetEdgeInput[]) {
  const edges = new Map<string, Hop[]>();
  const add = (hop: Hop) => {
    const list = edges.get(hop.from) ?? [];
    list.push(hop);
    edges.set(hop.from, list);
  };
  for (const set of sets) {
    if (set.sourceFrameworkUrn === set.targetFrameworkUrn) continue; // a self-mapping leads nowhere new
    add({ mappingSetId: set.id, from: set.sourceFrameworkUrn, to: set.targetFrameworkUrn, reversed: false });
    add({ mappingSetId: set.id, from: set.targetFrameworkUrn, to: set.sourceFrameworkUrn, reversed: true });
  }
  return edges;
}

export function distancesFrom(start: string, edges: Map<string, Hop[]>, limit: number) {
  const distance = new Map<string, number>([[start, 0]]);
  let frontier = [start];
  for (let d = 1; d <= limit && frontier.length > 0; d++) {
    const next: string[] = [];
    for (const node of frontier) {
      for (const hop of edges.get(node) ?? []) {
        if (distance.has(hop.to)) continue;
        distance.set(hop.to, d);
        next.push(hop.to);
      }
    }
    frontier = next;
  }
  return distance;
}

/**
 * The shortest paths from each source framework to the target, or no entry for a source that cannot reach it
 * within MAX_HOPS. A source framework equal to the target is given no path (there is nothing to map).
 */
export function planPaths(
  sets: MappingSetEdgeInput[],
  sourceFrameworkUrns: string[],
  targetFrameworkUrn: string,
): Map<string, FrameworkPath> {
  const edges = adjacency(sets);
  const toTarget = distancesFrom(targetFrameworkUrn, edges, MAX_HOPS);
  const paths = new Map<string, FrameworkPath>();
  for (const source of new Set(sourceFrameworkUrns)) {
    const total = toTarget.get(source);
    if (source === targetFrameworkUrn || total === undefined) continue;
    const fromSource = distancesFrom(source, edges, total);
    const levels: Hop[][] = Array.from({ length: total }, () => []);
    for (const [node, d] of fromSource) {
      if (d >= total || toTarget.get(node) !== total - d) continue; // not on a shortest path
      for (const hop of edges.get(node) ?? []) {
        if (fromSource.get(hop.to) === d + 1 && toTarget.get(hop.to) === total - d - 1) levels[d]?.push(hop);
      }
    }
    paths.set(source, { levels, distance: total });
  }
  return paths;
}

/** Every mapping set some path uses: the only ones whose rules need loading. */
export function setsUsed(paths: Map<string, FrameworkPath>): string[] {
  const ids = new Set<string>();
  for (const path of paths.values())
    for (const level of path.levels) for (const hop of level) ids.add(hop.mappingSetId);
  return [...ids];
}
