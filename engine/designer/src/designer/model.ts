import { durationInWords } from './durations';
import { humanize } from '../common/format';
import type { Edge, Node } from '@xyflow/react';
import type {
  ActivityDefinition,
  ConnectionDefinition,
  GoalDefinition,
  LayoutPosition,
  ReentryDefinition,
  TriggerDefinition,
  VariableDefinition,
  WorkflowDefinition,
} from '../api';
import { autoLayout, crowded, LAYER_GAP } from './layout';
import { descriptorFor, type PaletteIndex } from './palette';

/** The trigger is drawn as a node with this id; its settings are the definition's `trigger`. */
export const TRIGGER_NODE_ID = 'trigger';
export const TRIGGER_EDGE_ID = 'trigger->start';

export type ActivityNodeData = { activity: ActivityDefinition };
export type TriggerNodeData = { trigger: TriggerDefinition | null };
export type ActivityNode = Node<ActivityNodeData, 'activity'>;
export type TriggerNode = Node<TriggerNodeData, 'trigger'>;
export type CanvasNode = ActivityNode | TriggerNode;
export type CanvasEdge = Edge<{ port: string }>;

/** What a definition holds besides the graph. */
export interface WorkflowMeta {
  id: string;
  name: string;
  description: string;
  version?: number;
  reentry: ReentryDefinition;
  variables?: VariableDefinition[];
  goal?: GoalDefinition | null;
}

export interface Canvas {
  meta: WorkflowMeta;
  nodes: CanvasNode[];
  edges: CanvasEdge[];
}

export function edgeId(c: ConnectionDefinition): string {
  return `${c.from}:${c.port}->${c.to}`;
}

export function isTriggerNode(node: CanvasNode): node is TriggerNode {
  return node.type === 'trigger';
}

export function isActivityNode(node: CanvasNode): node is ActivityNode {
  return node.type === 'activity';
}

export function connectionToEdge(c: ConnectionDefinition): CanvasEdge {
  return { id: edgeId(c), source: c.from, sourceHandle: c.port, target: c.to, data: { port: c.port } };
}

export function edgeToConnection(e: CanvasEdge): ConnectionDefinition {
  return { from: e.source, port: e.data?.port ?? e.sourceHandle ?? 'done', to: e.target };
}

/** An Elsa activity the import could not map, kept with its original type and JSON until someone replaces it. */
export const ELSA_PLACEHOLDER = 'elsa.unmapped';

/** The outcome ports a node draws: split and fork branches, the palette's ports, and any port a connection already uses. */
export function portsFor(activity: ActivityDefinition, palette: PaletteIndex, connections: readonly ConnectionDefinition[] = []): string[] {
  let ports: string[];
  const branches = activity.branches;
  if (activity.type === ELSA_PLACEHOLDER) {
    ports = []; // only the Elsa ports its kept connections use
  } else if (activity.type === 'abTest' && Array.isArray(activity.variants) && activity.variants.length > 0) {
    ports = activity.variants.map((b) => (b && typeof b === 'object' && 'port' in b ? String((b as { port: unknown }).port ?? '') : '')).filter(Boolean);
  } else if (activity.type === 'split' && Array.isArray(branches) && branches.length > 0) {
    ports = branches.map((b) => (b && typeof b === 'object' && 'port' in b ? String((b as { port: unknown }).port ?? '') : '')).filter(Boolean);
  } else if (activity.type === 'fork' && Array.isArray(branches) && branches.length > 0) {
    ports = branches.filter((b): b is string => typeof b === 'string' && b.trim() !== ''); // one handle per parallel branch
  } else if (activity.type === 'switch' && Array.isArray(activity.cases)) {
    ports = [...switchPorts(activity.cases), 'default']; // one handle per case, then the default
  } else {
    const descriptor = descriptorFor(activity, palette);
    const bySetting = descriptor?.portsBySetting;
    const chosen = bySetting ? activity[bySetting.setting] : undefined;
    const settingPorts = bySetting && typeof chosen === 'string' ? bySetting.ports[chosen] : undefined;
    const builtInAction = activity.type === 'action' ? palette.activities.get('action') : undefined;
    ports = settingPorts?.length ? [...settingPorts] : descriptor?.ports?.length ? [...descriptor.ports] : builtInAction?.ports?.length ? [...builtInAction.ports] : descriptor ? [] : ['done'];
  }
  for (const c of connections) if (c.from === activity.id && !ports.includes(c.port)) ports.push(c.port);
  return [...new Set(ports)];
}

/** The first activity no connection leads to: where the trigger hands over (the server's rule). */
export function startActivityId(activities: readonly { id: string }[], connections: readonly { to: string }[]): string | undefined {
  const targets = new Set(connections.map((c) => c.to));
  return activities.find((a) => !targets.has(a.id))?.id;
}

export function definitionToCanvas(definition: WorkflowDefinition): Canvas {
  const activities = definition.activities ?? [];
  const connections = (definition.connections ?? []).filter((c) => c.from !== TRIGGER_NODE_ID);
  const ids = [TRIGGER_NODE_ID, ...activities.map((a) => a.id)];
  const stored = definition.layout ?? {};
  // A layout whose steps overlap is no help to read: lay the whole flow out afresh instead.
  const layout = crowded(ids.flatMap((id) => (stored[id] ? [stored[id]] : []))) ? {} : stored;

  const start = startActivityId(activities, connections);
  const layoutEdges = [
    ...(start ? [{ source: TRIGGER_NODE_ID, target: start }] : []),
    ...connections.map((c) => ({ source: c.from, target: c.to })),
  ];
  const missing = ids.some((id) => !layout[id]);
  const computed: Record<string, LayoutPosition> = missing ? autoLayout(ids, layoutEdges) : {};

  const position = (id: string): LayoutPosition => {
    const saved = layout[id];
    if (saved && Number.isFinite(saved.x) && Number.isFinite(saved.y)) return { x: saved.x, y: saved.y };
    if (id === TRIGGER_NODE_ID && start && layout[start]) return { x: layout[start].x, y: layout[start].y - LAYER_GAP };
    return computed[id] ?? { x: 0, y: 0 };
  };

  const triggerNode: TriggerNode = {
    id: TRIGGER_NODE_ID,
    type: 'trigger',
    position: position(TRIGGER_NODE_ID),
    data: { trigger: definition.trigger ?? null },
    deletable: false,
  };
  const activityNodes: ActivityNode[] = activities.map((activity) => ({
    id: activity.id,
    type: 'activity',
    position: position(activity.id),
    data: { activity },
  }));

  return {
    meta: {
      id: definition.id ?? '',
      name: definition.name ?? '',
      description: definition.description ?? '',
      version: definition.version,
      reentry: definition.reentry ?? { policy: 'once' },
      variables: definition.variables ?? [],
      goal: definition.goal ?? null,
    },
    nodes: [triggerNode, ...activityNodes],
    edges: connections.map(connectionToEdge),
  };
}

export function canvasToDefinition(meta: WorkflowMeta, nodes: readonly CanvasNode[], edges: readonly CanvasEdge[]): WorkflowDefinition {
  const trigger = nodes.find(isTriggerNode)?.data.trigger ?? null;
  const activityNodes = nodes.filter(isActivityNode);
  const ids = new Set(activityNodes.map((n) => n.id));
  const connections = edges
    .filter((e) => e.source !== TRIGGER_NODE_ID && ids.has(e.source) && ids.has(e.target))
    .map(edgeToConnection);
  const layout: Record<string, LayoutPosition> = {};
  for (const node of nodes) layout[node.id] = { x: Math.round(node.position.x), y: Math.round(node.position.y) };

  const definition: WorkflowDefinition = {
    id: meta.id,
    name: meta.name,
    description: meta.description,
    trigger,
    reentry: meta.reentry.policy === 'oncePer' ? meta.reentry : { policy: meta.reentry.policy },
    activities: activityNodes.map((n) => ({ ...n.data.activity, id: n.id })),
    connections,
    layout,
  };
  if (meta.version !== undefined) definition.version = meta.version;
  if (meta.variables?.length) definition.variables = meta.variables;
  if (meta.goal) definition.goal = meta.goal;
  return definition;
}

/** The edge drawn (not stored) from the trigger to the start activity. */
export function triggerEdge(nodes: readonly CanvasNode[], edges: readonly CanvasEdge[]): CanvasEdge | undefined {
  const start = startActivityId(
    nodes.filter(isActivityNode),
    edges.filter((e) => e.source !== TRIGGER_NODE_ID).map((e) => ({ to: e.target })),
  );
  if (!start) return undefined;
  return {
    id: TRIGGER_EDGE_ID,
    source: TRIGGER_NODE_ID,
    sourceHandle: 'start',
    target: start,
    deletable: false,
    selectable: false,
    focusable: false,
    className: 'edge-trigger',
  };
}

/** Renames a node and every connection and layout entry that names it. */
export function renameActivity(nodes: readonly CanvasNode[], edges: readonly CanvasEdge[], from: string, to: string): { nodes: CanvasNode[]; edges: CanvasEdge[] } {
  const renamedNodes = nodes.map((n) =>
    n.id === from && isActivityNode(n) ? { ...n, id: to, data: { ...n.data, activity: { ...n.data.activity, id: to } } } : n,
  );
  const renamedEdges = edges.map((e) => {
    if (e.source !== from && e.target !== from) return e;
    const c = edgeToConnection(e);
    return connectionToEdge({ from: c.from === from ? to : c.from, port: c.port, to: c.to === from ? to : c.to });
  });
  return { nodes: renamedNodes, edges: renamedEdges };
}

function switchPorts(cases: readonly unknown[]): string[] {
  return cases.map((c) => (c && typeof c === 'object' && 'port' in c ? String((c as { port: unknown }).port ?? '') : '')).filter(Boolean);
}

/** Moves an activity to the front so it becomes the start (used when the trigger is connected to it). */
export function makeStart(nodes: readonly CanvasNode[], activityId: string): CanvasNode[] {
  const node = nodes.find((n) => n.id === activityId);
  if (!node || !isActivityNode(node)) return [...nodes];
  const rest = nodes.filter((n) => n.id !== activityId);
  const triggerIndex = rest.findIndex(isTriggerNode);
  rest.splice(triggerIndex + 1, 0, node);
  return rest;
}

/** A short line describing what a node does, shown under its name. */
export function summarize(activity: ActivityDefinition, templateName?: (key: string) => string | undefined): string {
  const s = (v: unknown) => (typeof v === 'string' ? v : v === undefined || v === null ? '' : JSON.stringify(v));
  switch (activity.type) {
    case 'condition':
      return s(activity.expression);
    case 'split':
      return Array.isArray(activity.branches)
        ? activity.branches.map((b) => `${s((b as Record<string, unknown>).port)} ${s((b as Record<string, unknown>).percent)}%`).join(' · ')
        : '';
    case 'abTest':
      return Array.isArray(activity.variants)
        ? `${activity.variants.map((b) => `${s((b as Record<string, unknown>).port)} ${s((b as Record<string, unknown>).percent)}%`).join(' · ')} until a winner`
        : '';
    case 'fork':
      return Array.isArray(activity.branches) ? `in parallel: ${activity.branches.map(s).join(' · ')}` : '';
    case 'join':
      return activity.mode === 'any' ? 'first branch to arrive' : 'all branches';
    case 'waitForDuration':
      return activity.duration ? `Wait ${durationInWords(s(activity.duration))}` : s(activity.delay ?? activity.until);
    case 'waitForEvent':
      return [activity.event ? `Until ${humanize(s(activity.event)).toLowerCase()}` : '', activity.timeout ? `at most ${durationInWords(s(activity.timeout))}` : ''].filter(Boolean).join(', ');
    case 'action': {
      const input = (activity.input ?? {}) as Record<string, unknown>;
      return activity.action === 'email.send' && input.template ? `Send “${templateName?.(s(input.template)) ?? s(input.template)}”` : '';
    }
    case 'scoreGate':
      return [s(activity.score), s(activity.operator ?? activity.direction), s(activity.threshold)].filter(Boolean).join(' ');
    case 'switch':
      return Array.isArray(activity.cases) ? `${switchPorts(activity.cases).join(' · ')} · default` : '';
    case 'setVariable':
      return `${s(activity.variable)} = ${s(activity.value)}`;
    case 'waitUntil':
      return [s(activity.time), Array.isArray(activity.weekdays) && activity.weekdays.length > 0 ? activity.weekdays.map(s).join(', ') : ''].filter(Boolean).join(' · ');
    case 'note':
      return s(activity.text);
    case 'externalTask':
      return `task ${s(activity.task)}`;
    case ELSA_PLACEHOLDER:
      return `Elsa ${s(activity.elsaType)}`;
    default:
      return typeof activity.expression === 'string' ? activity.expression : '';
  }
}
