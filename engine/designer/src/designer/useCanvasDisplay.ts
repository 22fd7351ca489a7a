import { useMemo } from 'react';
import { MarkerType } from '@xyflow/react';
import type { InstanceDetail, LiveView, SimulationResult, ValidationProblem } from '../api';
import { formatNumber } from '../common/format';
import type { Decorations } from './decorations';
import { edgeToConnection, isTriggerNode, triggerEdge, type CanvasEdge } from './model';
import type { InsertPlace } from './insertion';
import { actionTypeOf, activityName, type PaletteIndex } from './palette';
import { groupProblems } from './problems';
import { portLabel } from './stepWords';
import type { ShownCanvas } from './useGraphEditing';

export interface CanvasDisplayInput {
  shown: ShownCanvas;
  source: 'doc' | 'viewing' | 'live';
  readOnly: boolean;
  palette: PaletteIndex;
  problems: ValidationProblem[];
  simulation: SimulationResult | null;
  live: LiveView | undefined;
  instance: InstanceDetail | null;
  segmentName: (key: string) => string | undefined;
  templateName: (key: string) => string | undefined;
  advanced: boolean;
  onInsert: (place: InsertPlace) => void;
}

/** What is drawn: the shown canvas with its problems, dry-run counts, live counts and an instance's path. */
export function useCanvasDisplay(input: CanvasDisplayInput) {
  const { shown, source, readOnly, palette, problems, simulation, live, instance, segmentName, templateName, advanced, onInsert } = input;

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
      templateName,
      readOnly,
      advanced,
      startId: triggerEdge(shown.nodes, shown.edges)?.target,
      stepName: (id: string) => {
        const node = shown.nodes.find((n) => n.id === id);
        if (!node || isTriggerNode(node)) return 'the trigger';
        return activityName(node.data.activity, palette);
      },
      onInsert: readOnly ? undefined : onInsert,
    }),
    [advanced, grouped.byNode, instance, live, onInsert, palette, readOnly, segmentName, shown.edges, shown.nodes, simulationById, source, templateName],
  );

  const { stepName } = decorations;
  const displayNodes = useMemo(
    () =>
      shown.nodes.map((n) => ({
        ...n,
        ariaLabel: isTriggerNode(n) ? 'Trigger' : advanced ? `Step ${n.id} (${actionTypeOf(n.data.activity) ?? n.data.activity.type})` : `Step ${stepName(n.id)}`,
      })),
    [advanced, shown.nodes, stepName],
  );

  const displayEdges = useMemo(() => {
    const marker = { type: MarkerType.ArrowClosed, width: 18, height: 18 };
    const edges: CanvasEdge[] = shown.edges.map((e) => {
      const port = edgeToConnection(e).port;
      const count = simulationById?.get(e.source)?.ports[port];
      const onPath = pathEdges?.has(`${e.source}:${port}->${e.target}`);
      return {
        ...e,
        type: 'add',
        markerEnd: marker,
        label: count !== undefined ? `${portLabel(port, advanced)}: ${formatNumber(count)}` : undefined,
        labelBgPadding: [6, 3] as [number, number],
        labelBgBorderRadius: 4,
        className: onPath ? 'edge-path' : pathEdges ? 'edge-dim' : undefined,
        animated: !!onPath,
        deletable: !readOnly,
      };
    });
    const te = triggerEdge(shown.nodes, shown.edges);
    if (te) edges.unshift({ ...te, type: 'add', markerEnd: marker, animated: source !== 'live' || !!instance });
    return edges;
  }, [advanced, instance, pathEdges, readOnly, shown.edges, shown.nodes, simulationById, source]);

  return { grouped, decorations, displayNodes, displayEdges, problemNodes: [...grouped.byNode.keys()] };
}
