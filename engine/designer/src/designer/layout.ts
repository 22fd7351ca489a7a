import type { LayoutPosition } from '../api';

export const NODE_WIDTH = 230;
export const LAYER_GAP = 170;
/** Steps closer than this vertically (and overlapping horizontally) cover each other's ports and badges. */
export const NODE_CLEARANCE = 135;
export const COLUMN_GAP = 270;

interface LayoutEdge {
  source: string;
  target: string;
}

/**
 * A layered, top-down layout: each node sits one layer below its deepest parent (back edges of
 * loops are ignored), and nodes in a layer are ordered by where their parents are, then centred.
 */
export function autoLayout(nodeIds: readonly string[], edges: readonly LayoutEdge[]): Record<string, LayoutPosition> {
  const ids = [...new Set(nodeIds)];
  const known = new Set(ids);
  const outgoing = new Map<string, string[]>(ids.map((id) => [id, []]));
  const incomingCount = new Map<string, number>(ids.map((id) => [id, 0]));
  for (const e of edges) {
    if (!known.has(e.source) || !known.has(e.target) || e.source === e.target) continue;
    outgoing.get(e.source)!.push(e.target);
    incomingCount.set(e.target, incomingCount.get(e.target)! + 1);
  }

  // Depth-first from the roots marks back edges (those closing a loop) so the rest is acyclic.
  const backEdges = new Set<string>();
  const state = new Map<string, 'open' | 'done'>();
  const visit = (id: string) => {
    state.set(id, 'open');
    for (const next of outgoing.get(id)!) {
      const s = state.get(next);
      if (s === 'open') backEdges.add(`${id}\u0000${next}`);
      else if (!s) visit(next);
    }
    state.set(id, 'done');
  };
  for (const id of ids) if (incomingCount.get(id) === 0 && !state.has(id)) visit(id);
  for (const id of ids) if (!state.has(id)) visit(id); // nodes only reachable through a loop

  // Longest-path layering over the acyclic part, in topological order.
  const forward = new Map<string, string[]>(ids.map((id) => [id, []]));
  const indegree = new Map<string, number>(ids.map((id) => [id, 0]));
  for (const [source, targets] of outgoing) {
    for (const target of targets) {
      if (backEdges.has(`${source}\u0000${target}`)) continue;
      forward.get(source)!.push(target);
      indegree.set(target, indegree.get(target)! + 1);
    }
  }
  const depth = new Map<string, number>(ids.map((id) => [id, 0]));
  const queue = ids.filter((id) => indegree.get(id) === 0);
  const order: string[] = [];
  while (queue.length > 0) {
    const id = queue.shift()!;
    order.push(id);
    for (const next of forward.get(id)!) {
      depth.set(next, Math.max(depth.get(next)!, depth.get(id)! + 1));
      indegree.set(next, indegree.get(next)! - 1);
      if (indegree.get(next) === 0) queue.push(next);
    }
  }

  // Group by layer, ordering each layer by the mean column of its parents (barycentre).
  const layers: string[][] = [];
  for (const id of order) {
    const d = depth.get(id)!;
    (layers[d] ??= []).push(id);
  }
  const column = new Map<string, number>();
  const parents = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const [source, targets] of forward) for (const t of targets) parents.get(t)!.push(source);

  const positions: Record<string, LayoutPosition> = {};
  layers.forEach((layer, layerIndex) => {
    const keyed = layer.map((id, i) => {
      const ps = parents.get(id)!.filter((p) => column.has(p));
      const bary = ps.length > 0 ? ps.reduce((sum, p) => sum + column.get(p)!, 0) / ps.length : i;
      return { id, bary, i };
    });
    keyed.sort((a, b) => a.bary - b.bary || a.i - b.i);
    const width = keyed.length;
    keyed.forEach(({ id }, index) => {
      const x = (index - (width - 1) / 2) * COLUMN_GAP;
      column.set(id, x / COLUMN_GAP);
      positions[id] = { x: Math.round(x), y: layerIndex * LAYER_GAP };
    });
  });
  return positions;
}

/** True when two stored positions put steps on top of each other (hand-written or imported layouts). */
export function crowded(positions: readonly LayoutPosition[]): boolean {
  for (let i = 0; i < positions.length; i++) {
    for (let j = i + 1; j < positions.length; j++) {
      const a = positions[i];
      const b = positions[j];
      if (Math.abs(a.x - b.x) < NODE_WIDTH && Math.abs(a.y - b.y) < NODE_CLEARANCE) return true;
    }
  }
  return false;
}
