import { useCallback, useEffect, useRef, useState } from 'react';
import { useReactFlow } from '@xyflow/react';
import { workflowsApi, type InstanceDetail, type LiveView } from '../api';
import { useInterval } from '../common/useAsync';
import { definitionToCanvas, type CanvasEdge, type CanvasNode } from './model';
import type { ShownCanvas } from './useGraphEditing';

/** The live view of the published version: waiting counts polled every 5 s, and one instance's path. */
export function useLiveView(workflowId: string, active: boolean) {
  const flow = useReactFlow<CanvasNode, CanvasEdge>();
  const [live, setLive] = useState<LiveView>();
  const [liveError, setLiveError] = useState<unknown>(null);
  const [liveCanvas, setLiveCanvas] = useState<(ShownCanvas & { version: number }) | null>(null);
  const [instance, setInstance] = useState<InstanceDetail | null>(null);
  const [instanceLoading, setInstanceLoading] = useState(false);
  const [instanceError, setInstanceError] = useState<unknown>(null);

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
    if (active) void loadLive();
    else setInstance(null);
  }, [active, loadLive]);
  useInterval(() => void loadLive(), active ? 5000 : null);

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

  return { live, liveError, liveCanvas, setLiveCanvas, instance, instanceLoading, instanceError, selectInstance };
}
