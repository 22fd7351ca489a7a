import { useCallback, useEffect, useRef } from 'react';
import { applyEdgeChanges, applyNodeChanges, useReactFlow, type Connection, type EdgeChange, type NodeChange } from '@xyflow/react';
import type { ActivityDefinition, TriggerDefinition, ValidationProblem } from '../api';
import { slugify } from '../common/format';
import { autoLayout } from './layout';
import {
  TRIGGER_NODE_ID,
  connectionToEdge,
  edgeToConnection,
  isActivityNode,
  isTriggerNode,
  makeStart,
  renameActivity,
  triggerEdge,
  type CanvasEdge,
  type CanvasNode,
  type WorkflowMeta,
} from './model';
import { activityName, type PaletteIndex } from './palette';
import type { CanvasDoc, useCanvasDoc } from './useCanvasDoc';

export interface ShownCanvas {
  nodes: CanvasNode[];
  edges: CanvasEdge[];
}

export type Notify = (tone: 'ok' | 'error' | 'info', text: string) => void;

export interface GraphEditingOptions {
  canvas: ReturnType<typeof useCanvasDoc>;
  readOnly: boolean;
  /** Applies a change to whichever canvas is on screen (the draft, an old version or the live one). */
  updateShown: (change: (c: ShownCanvas) => ShownCanvas) => void;
  isNew: boolean;
  idEdited: boolean;
  /** Names steps in messages as their cards do. */
  palette: PaletteIndex;
  notify: Notify;
  setProblems: (change: (current: ValidationProblem[]) => ValidationProblem[]) => void;
}

export const selectOnly = (nodes: CanvasNode[], id: string | null) =>
  nodes.map((n) => (n.id === id ? (n.selected ? n : { ...n, selected: true }) : n.selected ? { ...n, selected: false } : n));

/** The draft's graph editing: React Flow's changes, connecting, adding, renaming, deleting, layout and undo keys. */
export function useGraphEditing(options: GraphEditingOptions) {
  const { canvas, readOnly, updateShown, isNew, idEdited, palette, notify, setProblems } = options;
  const { ref: docRef, update, record, commit, undo, redo, setDirty } = canvas;
  const flow = useReactFlow<CanvasNode, CanvasEdge>();
  const dragging = useRef(false);

  const onNodesChange = useCallback(
    (changes: NodeChange<CanvasNode>[]) => {
      if (readOnly) {
        const harmless = changes.filter((c) => c.type === 'select' || c.type === 'dimensions');
        updateShown((c) => ({ ...c, nodes: applyNodeChanges(harmless, c.nodes) }));
        return;
      }
      const moved = changes.some((c) => c.type === 'position' && c.position);
      const removed = changes.some((c) => c.type === 'remove' || c.type === 'add' || c.type === 'replace');
      if (moved && !dragging.current) record('keyboard-move'); // arrow keys move selected nodes
      update((d) => ({ ...d, nodes: applyNodeChanges(changes, d.nodes) }));
      if (moved || removed) setDirty(true);
    },
    [readOnly, record, setDirty, update, updateShown],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<CanvasEdge>[]) => {
      const real = changes.filter((c) => !('id' in c) || c.id !== 'trigger->start');
      if (readOnly) {
        const harmless = real.filter((c) => c.type === 'select');
        updateShown((c) => ({ ...c, edges: applyEdgeChanges(harmless, c.edges) }));
        return;
      }
      update((d) => ({ ...d, edges: applyEdgeChanges(real, d.edges) }));
      if (real.some((c) => c.type === 'remove' || c.type === 'add')) setDirty(true);
    },
    [readOnly, setDirty, update, updateShown],
  );

  const onConnect = useCallback(
    (connection: Connection) => {
      const { source: from, target: to } = connection;
      if (!from || !to || from === to || to === TRIGGER_NODE_ID) return;
      if (from === TRIGGER_NODE_ID) {
        if (docRef.current.edges.some((e) => e.target === to)) {
          const target = docRef.current.nodes.find((n) => n.id === to);
          const name = target && isActivityNode(target) ? activityName(target.data.activity, palette) : to;
          notify('info', `“${name}” already has a step leading to it; the trigger hands over to the step nothing leads to.`);
          return;
        }
        commit((d) => ({ ...d, nodes: makeStart(d.nodes, to) }));
        return;
      }
      const port = connection.sourceHandle ?? 'done';
      // One port leads to one next step: a new connection from a port replaces the old one.
      commit((d) => ({
        ...d,
        edges: [
          ...d.edges.filter((e) => !(e.source === from && edgeToConnection(e).port === port)),
          connectionToEdge({ from, port, to }),
        ],
      }));
    },
    [commit, docRef, notify, palette],
  );

  const setPortTarget = useCallback(
    (from: string, port: string, to: string | null) => {
      commit((d) => ({
        ...d,
        edges: [
          ...d.edges.filter((e) => !(e.source === from && edgeToConnection(e).port === port)),
          ...(to ? [connectionToEdge({ from, port, to })] : []),
        ],
      }));
    },
    [commit],
  );

  // Editing something takes its red marks away; Validate or Save draft checks it again.
  const clearProblems = useCallback(
    (belongs: (p: ValidationProblem) => boolean) => setProblems((current) => (current.some(belongs) ? current.filter((p) => !belongs(p)) : current)),
    [setProblems],
  );

  const updateActivity = useCallback(
    (id: string, activity: ActivityDefinition, coalesceKey: string) => {
      commit(
        (d) => ({ ...d, nodes: d.nodes.map((n) => (n.id === id && isActivityNode(n) ? { ...n, data: { activity } } : n)) }),
        coalesceKey,
      );
      clearProblems((p) => p.activityId === id);
    },
    [clearProblems, commit],
  );

  const updateTrigger = useCallback(
    (trigger: TriggerDefinition, field: string) => {
      commit(
        (d) => ({ ...d, nodes: d.nodes.map((n) => (isTriggerNode(n) ? { ...n, data: { trigger } } : n)) }),
        `trigger:${field}`,
      );
      clearProblems((p) => !p.activityId && !!p.field && /^trigger(\.|$)/.test(p.field));
    },
    [clearProblems, commit],
  );

  const updateMeta = useCallback(
    (meta: WorkflowMeta, key: string) => {
      const next = isNew && !idEdited && key === 'name' ? { ...meta, id: slugify(meta.name) } : meta;
      commit((d) => ({ ...d, meta: next }), `meta:${key}`);
      clearProblems((p) => !p.activityId && !!p.field && p.field.split(/[.[]/)[0] === key);
    },
    [clearProblems, commit, idEdited, isNew],
  );

  const rename = useCallback(
    (from: string, to: string): string | null => {
      if (!to) return 'The id cannot be empty.';
      if (/\s/.test(to)) return 'The id cannot contain spaces.';
      if (to === TRIGGER_NODE_ID) return '“trigger” is the trigger’s own id.';
      if (docRef.current.nodes.some((n) => n.id === to)) return `Another step already has the id “${to}”.`;
      commit((d) => ({ ...d, ...renameActivity(d.nodes, d.edges, from, to) }));
      return null;
    },
    [commit, docRef],
  );

  const deleteNode = useCallback(
    (id: string) =>
      commit((d: CanvasDoc) => ({
        ...d,
        nodes: d.nodes.filter((n) => n.id !== id),
        edges: d.edges.filter((e) => e.source !== id && e.target !== id),
      })),
    [commit],
  );

  const layout = useCallback(() => {
    const d = docRef.current;
    const trigger = triggerEdge(d.nodes, d.edges);
    const positions = autoLayout(
      d.nodes.map((n) => n.id),
      [...(trigger ? [trigger] : []), ...d.edges].map((e) => ({ source: e.source, target: e.target })),
    );
    commit((current) => ({ ...current, nodes: current.nodes.map((n) => ({ ...n, position: positions[n.id] ?? n.position })) }));
    window.setTimeout(() => void flow.fitView({ padding: 0.2, maxZoom: 1, duration: 200 }), 50);
  }, [commit, docRef, flow]);

  // Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y); text fields keep their own undo.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || readOnly) return;
      const target = event.target as HTMLElement | null;
      if (target && (target.closest('input, textarea, select, [contenteditable="true"]') || target.closest('dialog[open]'))) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) {
        event.preventDefault();
        undo();
      } else if ((key === 'z' && event.shiftKey) || key === 'y') {
        event.preventDefault();
        redo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [readOnly, redo, undo]);

  const onNodeDragStart = useCallback(() => {
    dragging.current = true;
    if (!readOnly) record();
  }, [readOnly, record]);
  const onNodeDragStop = useCallback(() => {
    dragging.current = false;
  }, []);

  return {
    onNodesChange,
    onEdgesChange,
    onConnect,
    onNodeDragStart,
    onNodeDragStop,
    setPortTarget,
    updateActivity,
    updateTrigger,
    updateMeta,
    rename,
    deleteNode,
    layout,
  };
}
