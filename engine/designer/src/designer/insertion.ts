import type { ActivityDefinition } from '../api';
import { LAYER_GAP } from './layout';
import {
  TRIGGER_EDGE_ID,
  TRIGGER_NODE_ID,
  connectionToEdge,
  edgeToConnection,
  isActivityNode,
  makeStart,
  portsFor,
  triggerEdge,
  type CanvasEdge,
  type CanvasNode,
} from './model';
import type { PaletteIndex } from './palette';

/** Ports a marketer rarely connects: drawn only in the advanced view, or when a connection already uses them. */
export const RARE_PORTS: ReadonlySet<string> = new Set(['failed', 'skipped', 'rejected']);

/** Whether a step's port is a rare one. An approval's "rejected" is one of its two answers, not a rare outcome. */
export const isRarePort = (port: string, activityType?: string) => RARE_PORTS.has(port) && !(activityType === 'approval' && port === 'rejected');

export const mainPorts = (ports: readonly string[], activityType?: string) => ports.filter((p) => !isRarePort(p, activityType));

/** Where a new step goes: on an existing connection (split in two), or after a step's port that leads nowhere yet. */
export type InsertPlace = { edgeId: string } | { after: string; port: string };

interface Graph {
  nodes: CanvasNode[];
  edges: CanvasEdge[];
}

/** The place a step added from the palette goes: after the selected step, else after the last step with a free port. */
export function defaultPlace(graph: Graph, palette: PaletteIndex): InsertPlace | null {
  const connections = graph.edges.map(edgeToConnection);
  const placeAfter = (node: CanvasNode): InsertPlace | null => {
    if (!isActivityNode(node)) return { after: TRIGGER_NODE_ID, port: 'start' };
    const ports = mainPorts(portsFor(node.data.activity, palette, connections), node.data.activity.type);
    const free = ports.find((p) => !connections.some((c) => c.from === node.id && c.port === p));
    if (free) return { after: node.id, port: free };
    const taken = graph.edges.find((e) => e.source === node.id && edgeToConnection(e).port === ports[0]);
    return taken ? { edgeId: taken.id } : null;
  };
  const selected = graph.nodes.find((n) => n.selected);
  const fromSelected = selected ? placeAfter(selected) : null;
  if (fromSelected) return fromSelected;
  const activities = graph.nodes.filter(isActivityNode);
  if (activities.length === 0) return { after: TRIGGER_NODE_ID, port: 'start' };
  for (let i = activities.length - 1; i >= 0; i--) {
    const place = placeAfter(activities[i]);
    if (place && 'after' in place) return place;
  }
  return null;
}

/**
 * Puts a new activity at a place and connects it. On a connection, the connection is split in two and the steps below
 * move down a layer to make room; after the trigger, the new step becomes the start and leads to the old start.
 */
export function insertActivity(graph: Graph, activity: ActivityDefinition, place: InsertPlace, palette: PaletteIndex): Graph & { id: string } {
  const trigger = triggerEdge(graph.nodes, graph.edges);
  const edge = 'edgeId' in place ? (place.edgeId === TRIGGER_EDGE_ID ? trigger : graph.edges.find((e) => e.id === place.edgeId)) : undefined;
  const from = edge ? edge.source : 'after' in place ? place.after : TRIGGER_NODE_ID;
  const fromPort = edge ? (edge.source === TRIGGER_NODE_ID ? 'start' : edgeToConnection(edge).port) : 'after' in place ? place.port : 'start';
  // After the trigger, the old start (if any) follows the new step.
  const next = edge ? edge.target : from === TRIGGER_NODE_ID ? trigger?.target : undefined;

  const source = graph.nodes.find((n) => n.id === from);
  const target = next ? graph.nodes.find((n) => n.id === next) : undefined;
  const position = target ? { ...target.position } : { x: source?.position.x ?? 0, y: (source?.position.y ?? 0) + LAYER_GAP };
  const below = target ? downstream(graph.edges, target.id, from) : new Set<string>();

  const newNode: CanvasNode = { id: activity.id, type: 'activity', position, data: { activity }, selected: true };
  let nodes: CanvasNode[] = [
    ...graph.nodes.map((n) => {
      const moved = below.has(n.id) ? { ...n, position: { x: n.position.x, y: n.position.y + LAYER_GAP } } : n;
      return moved.selected ? { ...moved, selected: false } : moved;
    }),
    newNode,
  ];

  const outPort = mainPorts(portsFor(activity, palette), activity.type)[0];
  let edges = graph.edges.filter((e) => !(edge && e.id === edge.id));
  if (from !== TRIGGER_NODE_ID) {
    edges = [...edges.filter((e) => !(e.source === from && edgeToConnection(e).port === fromPort)), connectionToEdge({ from, port: fromPort, to: activity.id })];
  }
  if (next && outPort) edges = [...edges, connectionToEdge({ from: activity.id, port: outPort, to: next })];
  if (from === TRIGGER_NODE_ID) nodes = makeStart(nodes, activity.id);
  return { nodes, edges, id: activity.id };
}

/** The steps reachable from a step (itself included), leaving out the step the new one follows (a loop back). */
function downstream(edges: readonly CanvasEdge[], start: string, except: string): Set<string> {
  const seen = new Set<string>([start]);
  const queue = [start];
  while (queue.length > 0) {
    const id = queue.shift()!;
    for (const e of edges) {
      if (e.source === id && e.target !== except && !seen.has(e.target)) {
        seen.add(e.target);
        queue.push(e.target);
      }
    }
  }
  return seen;
}
