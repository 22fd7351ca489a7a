import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import {
  Background,
  Controls,
  MarkerType,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  applyEdgeChanges,
  applyNodeChanges,
  useReactFlow,
  type Connection,
  type EdgeChange,
  type NodeChange,
  type XYPosition,
} from '@xyflow/react';
import {
  ApiError,
  errorMessage,
  workflowsApi,
  type ActivityDefinition,
  type ActivityDescriptor,
  type ElsaImportResult,
  type InstanceDetail,
  type LiveView,
  type SimulationResult,
  type TriggerDefinition,
  type ValidationProblem,
  type WorkflowDefinition,
  type WorkflowDetail,
  type WorkflowDiff,
} from '../api';
import { usePaletteCatalog, useSegmentsCatalog } from '../common/catalog';
import { Dialog } from '../common/Dialog';
import { downloadJson } from '../common/download';
import { formatNumber, slugify } from '../common/format';
import { ErrorMessage, Loading, StatusBadge } from '../common/Status';
import { useAsync, useInterval } from '../common/useAsync';
import { DecorationsContext, type Decorations } from './decorations';
import { DryRunPanel } from './DryRunPanel';
import { autoLayout, NODE_WIDTH } from './layout';
import { LivePanel } from './LivePanel';
import {
  TRIGGER_NODE_ID,
  canvasToDefinition,
  connectionToEdge,
  definitionToCanvas,
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
import { nodeTypes } from './nodes';
import { Palette, PALETTE_MIME, paletteKey } from './Palette';
import { createActivity, indexPalette } from './palette';
import { groupProblems } from './problems';
import { ActivityProperties, WorkflowSettings } from './PropertiesPanel';
import { TriggerForm } from './TriggerForm';
import { useCanvasDoc, type CanvasDoc } from './useCanvasDoc';
import { VersionsPanel } from './VersionsPanel';

type PanelName = 'properties' | 'simulation' | 'live' | 'versions';

interface DesignerLocationState {
  imported?: ElsaImportResult;
  notice?: string;
}

const newDefinition = (): WorkflowDefinition => ({
  id: 'untitled-workflow',
  name: 'Untitled workflow',
  description: '',
  trigger: { type: 'segment.entered', segment: '' },
  reentry: { policy: 'once' },
  activities: [],
  connections: [],
  layout: { [TRIGGER_NODE_ID]: { x: 0, y: 0 } },
});

/** Remounts the page per workflow so nothing of one workflow leaks into the next. */
export function DesignerRoute() {
  const { id } = useParams();
  return <DesignerPage key={id ?? 'new'} id={id} />;
}

/** /workflows/new and /workflows/:id: loads the workflow and the palette, then the editor. */
function DesignerPage({ id }: { id: string | undefined }) {
  const location = useLocation();
  const palette = usePaletteCatalog();
  const detail = useAsync(() => (id ? workflowsApi.get(id) : Promise.resolve(null)), [id]);
  const state = location.state as DesignerLocationState | null;
  const imported = state?.imported;

  if (detail.error) {
    return (
      <div className="page">
        <Link to="/workflows">← Workflows</Link>
        <ErrorMessage error={detail.error} onRetry={detail.reload} title="The workflow could not be loaded" />
      </div>
    );
  }
  if (palette.error) {
    return (
      <div className="page">
        <ErrorMessage error={palette.error} onRetry={palette.retry} title="The activity palette could not be loaded" />
      </div>
    );
  }
  if (detail.loading || detail.data === undefined || !palette.data) return <Loading label="Opening the designer…" />;

  return (
    <ReactFlowProvider>
      <DesignerEditor initial={detail.data} imported={id ? undefined : imported} initialNotice={state?.notice} descriptors={palette.data} />
    </ReactFlowProvider>
  );
}

interface EditorProps {
  initial: WorkflowDetail | null;
  initialNotice?: string;
  imported?: ElsaImportResult;
  descriptors: ActivityDescriptor[];
}

interface ShownCanvas {
  nodes: CanvasNode[];
  edges: CanvasEdge[];
}

function DesignerEditor({ initial, imported, initialNotice, descriptors }: EditorProps) {
  const navigate = useNavigate();
  const flow = useReactFlow<CanvasNode, CanvasEdge>();
  const isNew = initial === null;
  const palette = useMemo(() => indexPalette(descriptors), [descriptors]);
  const segments = useSegmentsCatalog();
  const segmentName = useCallback((key: string) => segments.data?.find((s) => s.key === key)?.name, [segments.data]);

  const startDefinition = initial?.definition ?? imported?.definition ?? newDefinition();
  const canvas = useMemo(() => definitionToCanvas(startDefinition), []); // eslint-disable-line react-hooks/exhaustive-deps
  const { doc, ref: docRef, update, record, commit, undo, redo, canUndo, canRedo, dirty, setDirty } = useCanvasDoc(canvas, !!imported);

  const [info, setInfo] = useState<WorkflowDetail | null>(initial);
  const [idEdited, setIdEdited] = useState(!isNew || !!imported);
  const [problems, setProblems] = useState<ValidationProblem[]>([]);
  const [panel, setPanel] = useState<PanelName>('properties');
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ tone: 'ok' | 'error' | 'info'; text: string } | null>(initialNotice ? { tone: 'ok', text: initialNotice } : null);
  const [diff, setDiff] = useState<WorkflowDiff | null>(null);
  const [unmapped, setUnmapped] = useState(imported?.unmapped ?? []);
  const [toFinish, setToFinish] = useState(imported?.toFinish ?? []);

  const [viewing, setViewing] = useState<(ShownCanvas & { version: number }) | null>(null);

  const [simulation, setSimulation] = useState<SimulationResult | null>(null);
  const [simRunning, setSimRunning] = useState(false);
  const [simError, setSimError] = useState<unknown>(null);
  const [simDays, setSimDays] = useState(30);

  const [live, setLive] = useState<LiveView>();
  const [liveError, setLiveError] = useState<unknown>(null);
  const [liveCanvas, setLiveCanvas] = useState<(ShownCanvas & { version: number }) | null>(null);
  const [instance, setInstance] = useState<InstanceDetail | null>(null);
  const [instanceLoading, setInstanceLoading] = useState(false);
  const [instanceError, setInstanceError] = useState<unknown>(null);

  const wrapper = useRef<HTMLDivElement>(null);
  const dragging = useRef(false);

  const workflowId = info?.id ?? doc.meta.id;
  const published = info?.publishedVersion !== undefined && info?.publishedVersion !== null;

  // Which canvas is on screen: an old version, the live version, or the editable draft.
  const source: 'doc' | 'viewing' | 'live' = viewing ? 'viewing' : panel === 'live' && liveCanvas ? 'live' : 'doc';
  const readOnly = source !== 'doc';
  const shown: ShownCanvas = source === 'viewing' ? viewing! : source === 'live' ? liveCanvas! : doc;

  const notify = useCallback((tone: 'ok' | 'error' | 'info', text: string) => setNotice({ tone, text }), []);
  useEffect(() => {
    if (!notice) return;
    const handle = window.setTimeout(() => setNotice(null), notice.tone === 'error' ? 12000 : 5000);
    return () => window.clearTimeout(handle);
  }, [notice]);

  const currentDefinition = useCallback((): WorkflowDefinition => {
    const d = docRef.current;
    return canvasToDefinition(d.meta, d.nodes, d.edges);
  }, [docRef]);

  // ---- canvas changes ----

  const updateShown = useCallback(
    (change: (c: ShownCanvas) => ShownCanvas) => {
      if (source === 'viewing') setViewing((v) => (v ? { ...v, ...change(v) } : v));
      else if (source === 'live') setLiveCanvas((v) => (v ? { ...v, ...change(v) } : v));
      else update((d) => ({ ...d, ...change(d) }));
    },
    [source, update],
  );

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
          notify('info', `“${to}” already has a step leading to it; the trigger hands over to the step nothing leads to.`);
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
    [commit, docRef, notify],
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

  const selectOnly = (nodes: CanvasNode[], id: string | null) =>
    nodes.map((n) => (n.id === id ? (n.selected ? n : { ...n, selected: true }) : n.selected ? { ...n, selected: false } : n));

  const freePosition = useCallback(
    (nodes: CanvasNode[]): XYPosition => {
      const selected = nodes.find((n) => n.selected);
      let position: XYPosition;
      if (selected) {
        position = { x: selected.position.x, y: selected.position.y + (selected.measured?.height ?? 100) + 60 };
      } else {
        const rect = wrapper.current?.getBoundingClientRect();
        const center = rect ? flow.screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 }) : { x: 0, y: 0 };
        position = { x: center.x - NODE_WIDTH / 2, y: center.y - 40 };
      }
      // Step aside from nodes already there so a new node never hides another.
      const taken = (p: XYPosition) => nodes.some((n) => Math.abs(n.position.x - p.x) < 60 && Math.abs(n.position.y - p.y) < 40);
      let guard = 0;
      while (taken(position) && guard++ < 30) position = { x: position.x + 40, y: position.y + 30 };
      return position;
    },
    [flow],
  );

  const addActivity = useCallback(
    (descriptor: ActivityDescriptor, at?: XYPosition) => {
      if (readOnly) return;
      const d = docRef.current;
      const activity = createActivity(descriptor, new Set(d.nodes.map((n) => n.id)));
      const position = at ?? freePosition(d.nodes);
      commit((current) => ({
        ...current,
        nodes: [...selectOnly(current.nodes, null), { id: activity.id, type: 'activity', position, data: { activity }, selected: true }],
      }));
      setPanel('properties');
      notify('info', `Added “${descriptor.displayName}” as ${activity.id}.`);
    },
    [commit, docRef, freePosition, notify, readOnly],
  );

  const onDragOver = (event: DragEvent) => {
    if (readOnly || !event.dataTransfer.types.includes(PALETTE_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
  };

  const onDrop = (event: DragEvent) => {
    if (readOnly) return;
    const key = event.dataTransfer.getData(PALETTE_MIME);
    const descriptor = descriptors.find((d) => paletteKey(d) === key);
    if (!descriptor) return;
    event.preventDefault();
    const p = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
    addActivity(descriptor, { x: p.x - NODE_WIDTH / 2, y: p.y - 20 });
  };

  // Editing something takes its red marks away; Validate or Save draft checks it again.
  const clearProblems = useCallback((belongs: (p: ValidationProblem) => boolean) => {
    setProblems((current) => (current.some(belongs) ? current.filter((p) => !belongs(p)) : current));
  }, []);

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
      commit((d) => ({
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

  // ---- server actions ----

  const refreshInfo = useCallback(async (id: string) => {
    try {
      setInfo(await workflowsApi.get(id));
    } catch {
      // the toolbar keeps the last known status; the next action reports any real problem
    }
  }, []);

  const handleProblems = useCallback(
    (error: unknown, what: string): boolean => {
      if (error instanceof ApiError && error.status === 400) {
        const found = error.problems;
        setProblems(found.length > 0 ? found : [{ message: error.problem.detail || error.problem.title || 'The workflow has problems.' }]);
        setPanel('properties');
        notify('error', `${what}: ${found.length || 1} problem${found.length === 1 ? '' : 's'} to fix.`);
        return true;
      }
      notify('error', `${what}: ${errorMessage(error)}`);
      return false;
    },
    [notify],
  );

  const saveDraft = useCallback(async (): Promise<boolean> => {
    const definition = currentDefinition();
    if (!definition.id) {
      setProblems([{ field: 'id', message: 'Give the workflow an id.' }]);
      return false;
    }
    setBusy('save');
    try {
      if (isNew) {
        const saved = await workflowsApi.create(definition);
        setDirty(false);
        navigate(`/workflows/${encodeURIComponent(saved.id)}`, { replace: true, state: { notice: `Created “${definition.name}”: draft version ${saved.version} saved.` } });
        return true;
      }
      const saved = await workflowsApi.save(workflowId, definition);
      setProblems([]);
      setDirty(false);
      update((d) => ({ ...d, meta: { ...d.meta, version: saved.version } }));
      notify('ok', `Saved draft version ${saved.version}.`);
      await refreshInfo(workflowId);
      return true;
    } catch (error) {
      handleProblems(error, 'Not saved');
      return false;
    } finally {
      setBusy(null);
    }
  }, [currentDefinition, handleProblems, isNew, navigate, notify, refreshInfo, setDirty, update, workflowId]);

  const validate = useCallback(async () => {
    setBusy('validate');
    try {
      const result = await workflowsApi.validate(workflowId, currentDefinition());
      setProblems(result.problems ?? []);
      if (result.valid && (result.problems ?? []).length === 0) notify('ok', 'No problems found.');
      else notify('error', `${result.problems.length} problem${result.problems.length === 1 ? '' : 's'} to fix.`);
    } catch (error) {
      handleProblems(error, 'Validation failed');
    } finally {
      setBusy(null);
    }
  }, [currentDefinition, handleProblems, notify, workflowId]);

  const startPublish = useCallback(async () => {
    if (dirty && !(await saveDraft())) return;
    setBusy('publish');
    try {
      setDiff(await workflowsApi.diff(workflowId));
    } catch (error) {
      handleProblems(error, 'Could not prepare publishing');
    } finally {
      setBusy(null);
    }
  }, [dirty, handleProblems, saveDraft, workflowId]);

  const confirmPublish = useCallback(async () => {
    setBusy('publish');
    try {
      const result = await workflowsApi.publish(workflowId);
      setDiff(null);
      setProblems([]);
      notify('ok', `Published version ${result.version}.${result.version > 1 ? ' Customers waiting on an older version can move to it: see Versions.' : ''}`);
      await refreshInfo(workflowId);
      if (result.version > 1) setPanel('versions'); // offers the migration of waiting customers
    } catch (error) {
      setDiff(null);
      handleProblems(error, 'Not published');
    } finally {
      setBusy(null);
    }
  }, [handleProblems, notify, refreshInfo, workflowId]);

  const toggleEnabled = useCallback(async () => {
    if (!info) return;
    setBusy('enable');
    try {
      if (info.enabled) await workflowsApi.disable(workflowId);
      else await workflowsApi.enable(workflowId);
      notify('ok', info.enabled ? 'Disabled: no new customers enter; those inside finish.' : 'Enabled again.');
      await refreshInfo(workflowId);
    } catch (error) {
      notify('error', errorMessage(error));
    } finally {
      setBusy(null);
    }
  }, [info, notify, refreshInfo, workflowId]);

  const runSimulation = useCallback(async () => {
    setPanel('simulation');
    setViewing(null);
    setSimRunning(true);
    setSimError(null);
    try {
      setSimulation(await workflowsApi.simulate(workflowId, simDays, currentDefinition()));
    } catch (error) {
      if (error instanceof ApiError && error.status === 400 && error.problems.length > 0) setProblems(error.problems);
      setSimError(error);
    } finally {
      setSimRunning(false);
    }
  }, [currentDefinition, simDays, workflowId]);

  const openVersion = useCallback(
    async (version: number) => {
      setBusy('version');
      try {
        const definition = await workflowsApi.version(workflowId, version);
        const c = definitionToCanvas(definition);
        setViewing({ version, nodes: c.nodes, edges: c.edges });
        window.setTimeout(() => void flow.fitView({ padding: 0.2, maxZoom: 1 }), 50);
      } catch (error) {
        notify('error', `Version ${version} could not be opened: ${errorMessage(error)}`);
      } finally {
        setBusy(null);
      }
    },
    [flow, notify, workflowId],
  );

  // ---- live view ----

  const liveVersion = useRef<number | null>(null);
  const loadLive = useCallback(async () => {
    try {
      const view = await workflowsApi.live(workflowId);
      setLive(view);
      setLiveError(null);
      if (liveVersion.current !== view.version) {
        liveVersion.current = view.version;
        const c = definitionToCanvas(await workflowsApi.version(workflowId, view.version));
        setLiveCanvas({ version: view.version, nodes: c.nodes, edges: c.edges });
        window.setTimeout(() => void flow.fitView({ padding: 0.2, maxZoom: 1 }), 50);
      }
    } catch (error) {
      liveVersion.current = null;
      setLiveError(error);
    }
  }, [flow, workflowId]);

  useEffect(() => {
    if (panel === 'live') void loadLive();
    else setInstance(null);
  }, [panel, loadLive]);
  useInterval(() => void loadLive(), panel === 'live' ? 5000 : null);

  const selectInstance = useCallback(async (id: string | null) => {
    setInstanceError(null);
    if (!id) {
      setInstance(null);
      return;
    }
    setInstanceLoading(true);
    try {
      setInstance(await workflowsApi.instance(id));
    } catch (error) {
      setInstanceError(error);
    } finally {
      setInstanceLoading(false);
    }
  }, []);

  // ---- what is drawn ----

  const grouped = useMemo(() => groupProblems(source === 'doc' ? problems : []), [problems, source]);
  const simulationById = useMemo(
    () => (simulation && source === 'doc' ? new Map(simulation.activities.map((a) => [a.activityId, a])) : null),
    [simulation, source],
  );
  const pathEdges = useMemo(() => {
    if (!instance || source !== 'live') return null;
    const ids = new Set<string>();
    const steps = instance.steps;
    for (let i = 0; i + 1 < steps.length; i++) ids.add(`${steps[i].activityId}:${steps[i].port ?? ''}->${steps[i + 1].activityId}`);
    return ids;
  }, [instance, source]);

  const decorations: Decorations = useMemo(
    () => ({
      palette,
      connections: shown.edges.map(edgeToConnection),
      problems: grouped.byNode,
      simulation: simulationById,
      waiting: source === 'live' ? (live?.waiting ?? {}) : null,
      winners: source === 'live' ? new Map((live?.winners ?? []).map((w) => [w.activityId, w])) : null,
      path: instance && source === 'live' ? new Set(instance.steps.map((s) => s.activityId)) : null,
      segmentName,
      readOnly,
    }),
    [grouped.byNode, instance, live, palette, readOnly, segmentName, shown.edges, simulationById, source],
  );

  const displayNodes = useMemo(
    () =>
      shown.nodes.map((n) => ({
        ...n,
        ariaLabel: isTriggerNode(n) ? 'Trigger' : `Step ${n.data.activity.displayName || n.id} (${n.data.activity.type})`,
      })),
    [shown.nodes],
  );

  const displayEdges = useMemo(() => {
    const marker = { type: MarkerType.ArrowClosed, width: 18, height: 18 };
    const edges: CanvasEdge[] = shown.edges.map((e) => {
      const port = edgeToConnection(e).port;
      const count = simulationById?.get(e.source)?.ports[port];
      const onPath = pathEdges?.has(`${e.source}:${port}->${e.target}`);
      return {
        ...e,
        type: 'smoothstep',
        markerEnd: marker,
        label: count !== undefined ? `${port}: ${formatNumber(count)}` : undefined,
        labelBgPadding: [6, 3] as [number, number],
        labelBgBorderRadius: 4,
        className: onPath ? 'edge-path' : pathEdges ? 'edge-dim' : undefined,
        animated: !!onPath,
        deletable: !readOnly,
      };
    });
    const te = triggerEdge(shown.nodes, shown.edges);
    if (te) edges.unshift({ ...te, type: 'smoothstep', markerEnd: marker, animated: source !== 'live' || !!instance });
    return edges;
  }, [instance, pathEdges, readOnly, shown.edges, shown.nodes, simulationById, source]);

  const selected = shown.nodes.find((n) => n.selected);
  const activityIds = shown.nodes.filter(isActivityNode).map((n) => n.id);
  const hasProblems = problems.length > 0;
  const problemNodes = [...grouped.byNode.keys()];

  const selectNode = (id: string | null) => updateShown((c) => ({ ...c, nodes: selectOnly(c.nodes, id) }));

  // ---- render ----

  return (
    <div className="designer">
      <div className="designer-toolbar" role="toolbar" aria-label="Workflow actions">
        <Link to="/workflows" className="btn btn-ghost btn-small">
          ← Workflows
        </Link>
        <div className="designer-title">
          <h1 title={doc.meta.name}>{doc.meta.name || 'Untitled workflow'}</h1>
          <div className="designer-meta">
            <StatusBadge status={info?.status ?? 'draft'} />
            {info && (
              <span>
                v{info.latestVersion}
                {published ? ` · live v${info.publishedVersion}` : ''}
                {!info.enabled && info.status !== 'disabled' ? ' · disabled' : ''}
              </span>
            )}
            {isNew && <span>not saved yet</span>}
            {dirty && <span className="unsaved">Unsaved changes</span>}
          </div>
        </div>
        <div className="toolbar-group">
          <button type="button" className="btn btn-small btn-square" aria-label="Undo" title="Undo (Ctrl+Z)" disabled={!canUndo || readOnly} onClick={undo}>
            ↶
          </button>
          <button type="button" className="btn btn-small btn-square" aria-label="Redo" title="Redo (Ctrl+Shift+Z)" disabled={!canRedo || readOnly} onClick={redo}>
            ↷
          </button>
          <button type="button" className="btn btn-small" onClick={layout} disabled={readOnly}>
            Auto-layout
          </button>
        </div>
        <div className="toolbar-group">
          <button type="button" className="btn btn-small" onClick={() => void validate()} disabled={isNew || readOnly || busy !== null} title={isNew ? 'Save the draft first' : 'Check the design on the server'}>
            Validate
          </button>
          <button type="button" className="btn btn-small btn-primary" onClick={() => void saveDraft()} disabled={readOnly || busy !== null}>
            {busy === 'save' ? 'Saving…' : 'Save draft'}
          </button>
          <button type="button" className="btn btn-small" onClick={() => void runSimulation()} disabled={isNew || simRunning} title={isNew ? 'Save the draft first' : 'Replay history through this design'}>
            Dry run
          </button>
          <button
            type="button"
            className="btn btn-small btn-accent"
            onClick={() => void startPublish()}
            disabled={isNew || readOnly || hasProblems || busy !== null}
            title={isNew ? 'Save the draft first' : hasProblems ? 'Fix the problems, then Validate or Save draft again' : 'Publish the latest draft'}
          >
            Publish
          </button>
          {info && (
            <button type="button" className="btn btn-small" onClick={() => void toggleEnabled()} disabled={busy !== null}>
              {info.enabled ? 'Disable' : 'Enable'}
            </button>
          )}
          <button type="button" className="btn btn-small btn-ghost" onClick={() => downloadJson(`${doc.meta.id || 'workflow'}.json`, currentDefinition())} title="Download the definition as JSON">
            Export JSON
          </button>
        </div>
      </div>

      <div className="notice-region" aria-live="polite" role="status">
        {notice && (
          <div className={`notice notice-${notice.tone}`} data-testid="designer-notice">
            {notice.text}
            <button type="button" className="btn-icon" aria-label="Dismiss message" onClick={() => setNotice(null)}>
              ×
            </button>
          </div>
        )}
      </div>

      <div className="designer-body">
        <Palette descriptors={descriptors} onAdd={(d) => addActivity(d)} disabled={readOnly} />

        <section className="canvas-column" aria-label="Canvas">
          {viewing && (
            <div className="canvas-banner banner-info" role="status">
              Viewing version {viewing.version} (read-only).{' '}
              <button type="button" className="btn btn-small" onClick={() => setViewing(null)}>
                Back to editing
              </button>
            </div>
          )}
          {source === 'live' && liveCanvas && (
            <div className="canvas-banner banner-live" role="status">
              Live view of published version {liveCanvas.version} (read-only). Waiting customers are counted on each step.
            </div>
          )}
          {(unmapped.length > 0 || toFinish.length > 0) && source === 'doc' && (
            <div className="canvas-banner banner-warn" role="status" data-testid="import-unmapped">
              <div>
                <strong>Imported from Elsa.</strong>{' '}
                {unmapped.length > 0 && (
                  <>
                    {unmapped.length} activit{unmapped.length === 1 ? 'y was' : 'ies were'} not mapped and
                    {unmapped.length === 1 ? ' is' : ' are'} left on the canvas as placeholders to replace:
                    <ul>
                      {unmapped.map((u, i) => (
                        <li key={i}>
                          <code>{u.activityId}</code> ({u.elsaType}): {u.reason}
                        </li>
                      ))}
                    </ul>
                  </>
                )}
                {toFinish.length > 0 && (
                  <>
                    To finish:
                    <ul>
                      {toFinish.map((u, i) => (
                        <li key={i}>
                          <code>{u.activityId}</code> ({u.elsaType}): {u.reason}
                        </li>
                      ))}
                    </ul>
                  </>
                )}
              </div>
              <button
                type="button"
                className="btn-icon"
                aria-label="Dismiss import report"
                onClick={() => {
                  setUnmapped([]);
                  setToFinish([]);
                }}
              >
                ×
              </button>
            </div>
          )}
          {grouped.general.length > 0 && (
            <div className="canvas-banner banner-error" role="alert" data-testid="workflow-problems">
              <strong>Fix before publishing:</strong>
              <ul>
                {grouped.general.map((p, i) => (
                  <li key={i}>
                    {p.field && <code>{p.field}</code>} {p.message}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {problemNodes.length > 0 && (
            <div className="canvas-banner banner-error" role="status" data-testid="node-problems-summary">
              Problems on {problemNodes.length} step{problemNodes.length === 1 ? '' : 's'}:{' '}
              {problemNodes.map((id, i) => (
                <span key={id}>
                  {i > 0 && ', '}
                  <button type="button" className="btn-link" onClick={() => selectNode(id)}>
                    {id}
                  </button>
                </span>
              ))}
            </div>
          )}
          <div className="canvas" ref={wrapper} onDragOver={onDragOver} onDrop={onDrop} data-testid="canvas">
            <DecorationsContext.Provider value={decorations}>
              <ReactFlow<CanvasNode, CanvasEdge>
                nodes={displayNodes}
                edges={displayEdges}
                nodeTypes={nodeTypes}
                onNodesChange={onNodesChange}
                onEdgesChange={onEdgesChange}
                onConnect={onConnect}
                isValidConnection={(c) => c.source !== c.target && c.target !== TRIGGER_NODE_ID}
                onBeforeDelete={async ({ nodes }) => {
                  if (readOnly || nodes.some((n) => n.id === TRIGGER_NODE_ID)) return false;
                  record();
                  return true;
                }}
                onNodeDragStart={() => {
                  dragging.current = true;
                  if (!readOnly) record();
                }}
                onNodeDragStop={() => {
                  dragging.current = false;
                }}
                nodesDraggable={!readOnly}
                nodesConnectable={!readOnly}
                edgesReconnectable={false}
                deleteKeyCode={readOnly ? null : ['Delete', 'Backspace']}
                fitView
                fitViewOptions={{ padding: 0.25, maxZoom: 1 }}
                minZoom={0.2}
                maxZoom={2}
                snapToGrid
                snapGrid={[10, 10]}
                attributionPosition="top-right"
              >
                <Background gap={20} size={1} />
                <Controls showInteractive={false} position="bottom-left" />
                <MiniMap pannable zoomable position="bottom-right" ariaLabel="Mini map of the workflow" nodeStrokeWidth={3} style={{ width: 150, height: 100 }} />
              </ReactFlow>
            </DecorationsContext.Provider>
          </div>
        </section>

        <aside className="side-panel" aria-label="Details">
          <div className="panel-switch" role="group" aria-label="Side panel">
            <button type="button" aria-pressed={panel === 'properties'} onClick={() => setPanel('properties')}>
              Properties
            </button>
            <button type="button" aria-pressed={panel === 'simulation'} onClick={() => setPanel('simulation')} disabled={isNew}>
              Simulation
            </button>
            <button type="button" aria-pressed={panel === 'live'} onClick={() => setPanel('live')} disabled={!published} title={published ? undefined : 'Publish first'}>
              Live view
            </button>
            <button type="button" aria-pressed={panel === 'versions'} onClick={() => setPanel('versions')} disabled={isNew}>
              Versions
            </button>
          </div>
          <div className="side-panel-body">
            {panel === 'properties' && (
              <PropertiesBody
                selected={selected}
                doc={doc}
                isNew={isNew}
                palette={palette}
                problems={source === 'doc' ? problems : []}
                readOnly={readOnly}
                activityIds={activityIds}
                connections={decorations.connections}
                segmentName={segmentName}
                onActivity={updateActivity}
                onTrigger={updateTrigger}
                onMeta={updateMeta}
                onIdEdited={() => setIdEdited(true)}
                onRename={rename}
                onPort={setPortTarget}
                onDelete={deleteNode}
                onSelect={selectNode}
              />
            )}
            {panel === 'simulation' && (
              <DryRunPanel
                result={simulation}
                running={simRunning}
                error={simError}
                days={simDays}
                onDaysChange={setSimDays}
                onRun={() => void runSimulation()}
                onClear={() => setSimulation(null)}
              />
            )}
            {panel === 'live' && published && (
              <LivePanel
                workflowId={workflowId}
                live={live}
                liveError={liveError}
                selectedInstance={instance}
                onSelectInstance={(id) => void selectInstance(id)}
                instanceLoading={instanceLoading}
                instanceError={instanceError}
              />
            )}
            {panel === 'versions' && info && (
              <VersionsPanel
                versions={info.versions ?? []}
                viewing={viewing?.version ?? null}
                onOpen={(v) => void openVersion(v)}
                onBack={() => setViewing(null)}
                migration={{ workflowId: info.id, publishedVersion: info.publishedVersion ?? null }}
              />
            )}
          </div>
        </aside>
      </div>

      <Dialog
        open={diff !== null}
        title="Publish this workflow?"
        onClose={() => setDiff(null)}
        footer={
          <>
            <button type="button" className="btn" onClick={() => setDiff(null)}>
              Cancel
            </button>
            <button type="button" className="btn btn-accent" onClick={() => void confirmPublish()} disabled={busy === 'publish'}>
              Confirm publish
            </button>
          </>
        }
      >
        {diff && (
          <>
            <p>
              Version {diff.latestVersion} becomes the live version
              {diff.publishedVersion ? `, replacing version ${diff.publishedVersion}` : ' (nothing is published yet)'}. Customers already inside finish on the
              version they started.
            </p>
            <h3>What changes since the published version</h3>
            {diff.changes.length === 0 ? (
              <p className="muted">No changes.</p>
            ) : (
              <ul className="change-list" data-testid="publish-changes">
                {diff.changes.map((c, i) => (
                  <li key={i}>{c}</li>
                ))}
              </ul>
            )}
          </>
        )}
      </Dialog>
    </div>
  );
}

interface PropertiesBodyProps {
  selected: CanvasNode | undefined;
  doc: CanvasDoc;
  isNew: boolean;
  palette: ReturnType<typeof indexPalette>;
  problems: ValidationProblem[];
  readOnly: boolean;
  activityIds: string[];
  connections: Decorations['connections'];
  segmentName: (key: string) => string | undefined;
  onActivity: (id: string, activity: ActivityDefinition, key: string) => void;
  onTrigger: (trigger: TriggerDefinition, field: string) => void;
  onMeta: (meta: WorkflowMeta, key: string) => void;
  onIdEdited: () => void;
  onRename: (from: string, to: string) => string | null;
  onPort: (from: string, port: string, to: string | null) => void;
  onDelete: (id: string) => void;
  onSelect: (id: string | null) => void;
}

function PropertiesBody(props: PropertiesBodyProps) {
  const { selected, doc, problems, readOnly } = props;
  if (selected && isTriggerNode(selected)) {
    return (
      <>
        <BackToWorkflow onSelect={props.onSelect} />
        <TriggerForm
          trigger={selected.data.trigger}
          readOnly={readOnly}
          problems={problems.filter((p) => !p.activityId && p.field && /^trigger(\.|$)/.test(p.field)).map((p) => p.message)}
          onChange={props.onTrigger}
        />
      </>
    );
  }
  if (selected && isActivityNode(selected)) {
    return (
      <>
        <BackToWorkflow onSelect={props.onSelect} />
        <ActivityProperties
          key={selected.id}
          activity={selected.data.activity}
          palette={props.palette}
          activityIds={props.activityIds}
          connections={props.connections}
          problems={problems}
          readOnly={readOnly}
          onChange={(activity, key) => props.onActivity(selected.id, activity, key)}
          onRename={(to) => props.onRename(selected.id, to)}
          onConnect={(port, to) => props.onPort(selected.id, port, to)}
          onDelete={() => props.onDelete(selected.id)}
        />
      </>
    );
  }
  const trigger = doc.nodes.find(isTriggerNode)?.data.trigger ?? null;
  return (
    <WorkflowSettings
      meta={doc.meta}
      isNew={props.isNew}
      trigger={trigger}
      segmentName={props.segmentName}
      problems={problems}
      readOnly={readOnly}
      onChange={props.onMeta}
      onIdEdited={props.onIdEdited}
      onSelectTrigger={() => props.onSelect(TRIGGER_NODE_ID)}
    />
  );
}

function BackToWorkflow({ onSelect }: { onSelect: (id: string | null) => void }) {
  return (
    <button type="button" className="btn-link small" onClick={() => onSelect(null)}>
      ← Workflow settings
    </button>
  );
}
