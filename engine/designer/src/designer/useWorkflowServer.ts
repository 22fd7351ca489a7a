import { useCallback, useState } from 'react';
import { useNavigate } from 'react-router';
import { useReactFlow } from '@xyflow/react';
import {
  ApiError,
  errorMessage,
  workflowsApi,
  type SimulationResult,
  type ValidationProblem,
  type WorkflowDefinition,
  type WorkflowDetail,
  type WorkflowDiff,
} from '../api';
import { definitionToCanvas, type CanvasEdge, type CanvasNode } from './model';
import type { ShownCanvas } from './useGraphEditing';

export interface PublishAudience {
  segment: string;
  count: number;
}

/** What publishing would change: the server's diff and both definitions, for the dialog to name every step. */
export interface PublishPreview extends WorkflowDiff {
  /** The published definition; null when nothing is published yet. */
  before: WorkflowDefinition | null;
  after: WorkflowDefinition;
}

export type PanelName = 'properties' | 'simulation' | 'live' | 'versions';
type Notify = (tone: 'ok' | 'error' | 'info', text: string) => void;

export interface WorkflowServerOptions {
  initial: WorkflowDetail | null;
  draftId: string;
  dirty: boolean;
  setDirty: (dirty: boolean) => void;
  currentDefinition: () => WorkflowDefinition;
  /** Stores the version the server gave the saved draft. */
  onSavedVersion: (version: number) => void;
  notify: Notify;
  setPanel: (panel: PanelName) => void;
}

/** Load and save: the draft's round trips to the server (save, validate, dry run, publish, enable, open a version). */
export function useWorkflowServer(options: WorkflowServerOptions) {
  const { initial, draftId, dirty, setDirty, currentDefinition, onSavedVersion, notify, setPanel } = options;
  const navigate = useNavigate();
  const flow = useReactFlow<CanvasNode, CanvasEdge>();
  const isNew = initial === null;

  const [info, setInfo] = useState<WorkflowDetail | null>(initial);
  const [problems, setProblems] = useState<ValidationProblem[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const [diff, setDiff] = useState<PublishPreview | null>(null);
  /** The publish dialog's audience: how many customers the dry run finds in the trigger's segment now. */
  const [audience, setAudience] = useState<PublishAudience | null>(null);
  const [viewing, setViewing] = useState<(ShownCanvas & { version: number }) | null>(null);
  const [simulation, setSimulation] = useState<SimulationResult | null>(null);
  const [simRunning, setSimRunning] = useState(false);
  const [simError, setSimError] = useState<unknown>(null);
  const [simDays, setSimDays] = useState(30);

  const workflowId = info?.id ?? draftId;

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
    [notify, setPanel],
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
      onSavedVersion(saved.version);
      notify('ok', `Saved draft version ${saved.version}.`);
      await refreshInfo(workflowId);
      return true;
    } catch (error) {
      handleProblems(error, 'Not saved');
      return false;
    } finally {
      setBusy(null);
    }
  }, [currentDefinition, handleProblems, isNew, navigate, notify, onSavedVersion, refreshInfo, setDirty, workflowId]);

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
      const definition = currentDefinition();
      const segment = definition.trigger?.type === 'segment.entered' ? definition.trigger.segment : null;
      const [changes, dryRun] = await Promise.all([
        workflowsApi.diff(workflowId),
        segment ? workflowsApi.simulate(workflowId, simDays, definition).catch(() => null) : Promise.resolve(null),
      ]);
      const [before, after] = await Promise.all([
        changes.publishedVersion ? workflowsApi.version(workflowId, changes.publishedVersion) : Promise.resolve(null),
        workflowsApi.version(workflowId, changes.latestVersion),
      ]);
      setAudience(segment && dryRun ? { segment, count: dryRun.customersEntered } : null);
      setDiff({ ...changes, before, after });
    } catch (error) {
      handleProblems(error, 'Could not prepare publishing');
    } finally {
      setBusy(null);
    }
  }, [currentDefinition, dirty, handleProblems, saveDraft, simDays, workflowId]);

  const confirmPublish = useCallback(async (startCurrentMembers: boolean) => {
    setBusy('publish');
    try {
      const result = await workflowsApi.publish(workflowId, startCurrentMembers);
      setDiff(null);
      setProblems([]);
      const started = startCurrentMembers ? ` Started for ${result.startedForCurrentMembers} current member${result.startedForCurrentMembers === 1 ? '' : 's'}.` : '';
      notify('ok', `Published version ${result.version}.${started}${result.version > 1 ? ' Customers waiting on an older version can move to it: see Versions.' : ''}`);
      if (startCurrentMembers && result.version === 1) setPanel('live'); // the instances just started
      await refreshInfo(workflowId);
      if (result.version > 1) setPanel('versions'); // offers the migration of waiting customers
    } catch (error) {
      setDiff(null);
      handleProblems(error, 'Not published');
    } finally {
      setBusy(null);
    }
  }, [handleProblems, notify, refreshInfo, setPanel, workflowId]);

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
  }, [currentDefinition, setPanel, simDays, workflowId]);

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

  return {
    isNew,
    info,
    workflowId,
    published: info?.publishedVersion !== undefined && info?.publishedVersion !== null,
    problems,
    setProblems,
    busy,
    diff,
    setDiff,
    audience,
    viewing,
    setViewing,
    simulation: { result: simulation, running: simRunning, error: simError, days: simDays, setDays: setSimDays, clear: () => setSimulation(null) },
    saveDraft,
    validate,
    startPublish,
    confirmPublish,
    toggleEnabled,
    runSimulation,
    openVersion,
  };
}
