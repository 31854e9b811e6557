import { pathTo, type ReachEdge } from './graph-queries.js';
import type { SecurityObjectiveKey, SecurityObjectives } from './tables.js';

export interface EffectiveObjective {
  objective: SecurityObjectiveKey;
  level: number | null;
  own: number | null;
  inherited: boolean;
  from: { id: string; name: string | null }[];
  path: (string | null)[];
}

/**
 * A supporting asset must be protected as well as what it serves: per objective, its effective level is the
 * highest of its own and those of every asset it supports, transitively. When a supported asset sets a level
 * above the asset's own, the level is inherited and the explanation names every asset at that level and the
 * shortest chain of "supports" edges to the first of them (by name, then id, so the answer is stable). Names of
 * assets the caller cannot read are null.
 */
export function effectiveObjectives(
  self: { id: string; name: string; securityObjectives: SecurityObjectives },
  enabled: readonly SecurityObjectiveKey[],
  edges: ReachEdge[],
): EffectiveObjective[] {
  const reached = new Map<string, ReachEdge>();
  for (const e of edges) if (e.id !== self.id) reached.set(e.id, e);
  const nameOf = (id: string) =>
    id === self.id ? self.name : reached.get(id)?.readable ? (reached.get(id)?.name ?? null) : null;

  return enabled.map((objective) => {
    const own = self.securityObjectives[objective] ?? null;
    let best: number | null = null;
    for (const asset of reached.values()) {
      const level = asset.securityObjectives[objective];
      if (level !== undefined && (best === null || level > best)) best = level;
    }
    if (best === null || (own !== null && own >= best)) {
      return { objective, level: own, own, inherited: false, from: [], path: [] };
    }
    const sources = [...reached.values()]
      .filter((a) => a.securityObjectives[objective] === best)
      .map((a) => ({ id: a.id, name: nameOf(a.id) }))
      .sort((a, b) => (a.name ?? '\uffff').localeCompare(b.name ?? '\uffff') || a.id.localeCompare(b.id));
    const first = sources[0];
    const path = first ? (pathTo(self.id, first.id, edges) ?? []).map(nameOf) : [];
    return { objective, level: best, own, inherited: true, from: sources, path };
  });
}
