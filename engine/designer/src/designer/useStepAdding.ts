import { useCallback, useState, type DragEvent, type RefObject } from 'react';
import { useReactFlow, type XYPosition } from '@xyflow/react';
import type { ActivityDescriptor } from '../api';
import { defaultPlace, insertActivity, type InsertPlace } from './insertion';
import { NODE_WIDTH } from './layout';
import type { CanvasEdge, CanvasNode } from './model';
import { PALETTE_MIME, paletteKey } from './Palette';
import { createActivity, type PaletteIndex } from './palette';
import type { useCanvasDoc } from './useCanvasDoc';
import { selectOnly, type Notify } from './useGraphEditing';

export interface StepAddingOptions {
  canvas: ReturnType<typeof useCanvasDoc>;
  readOnly: boolean;
  descriptors: ActivityDescriptor[];
  palette: PaletteIndex;
  wrapper: RefObject<HTMLDivElement | null>;
  notify: Notify;
  /** Called when a step is added, so the side panel shows its properties. */
  onAdded: () => void;
}

/**
 * Adding steps: from the palette (after the selected step, else the last one), by dropping, or with a "+" on a
 * connection or below a step. Every new step is connected and brought into view.
 */
export function useStepAdding({ canvas, readOnly, descriptors, palette, wrapper, notify, onAdded }: StepAddingOptions) {
  const { ref: docRef, commit } = canvas;
  const flow = useReactFlow<CanvasNode, CanvasEdge>();
  /** Where the open step picker inserts; null when it is closed. */
  const [picking, setPicking] = useState<InsertPlace | null>(null);

  const bringIntoView = useCallback(
    (position: XYPosition) => {
      window.setTimeout(() => void flow.setCenter(position.x + NODE_WIDTH / 2, position.y + 60, { zoom: Math.min(1, Math.max(flow.getZoom(), 0.7)), duration: 200 }), 30);
    },
    [flow],
  );

  const freePosition = useCallback(
    (nodes: CanvasNode[]): XYPosition => {
      const rect = wrapper.current?.getBoundingClientRect();
      const center = rect ? flow.screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 }) : { x: 0, y: 0 };
      let position = { x: center.x - NODE_WIDTH / 2, y: center.y - 40 };
      // Step aside from nodes already there so a new node never hides another.
      const taken = (p: XYPosition) => nodes.some((n) => Math.abs(n.position.x - p.x) < 60 && Math.abs(n.position.y - p.y) < 40);
      let guard = 0;
      while (taken(position) && guard++ < 30) position = { x: position.x + 40, y: position.y + 30 };
      return position;
    },
    [flow, wrapper],
  );

  /** Adds a step at a place (or the default one), connected; a drop keeps the step where it was dropped. */
  const addActivity = useCallback(
    (descriptor: ActivityDescriptor, place?: InsertPlace | null, droppedAt?: XYPosition) => {
      if (readOnly) return;
      const d = docRef.current;
      const activity = createActivity(descriptor, new Set(d.nodes.map((n) => n.id)));
      const where = place ?? defaultPlace(d, palette);
      // A drop does not split a connection: it is put where the mouse let go, after the selected or last step.
      const usable = where && !(droppedAt && 'edgeId' in where) ? where : null;
      let position: XYPosition;
      if (usable) {
        const inserted = insertActivity(d, activity, usable, palette);
        const nodes = droppedAt ? inserted.nodes.map((n) => (n.id === inserted.id ? { ...n, position: droppedAt } : n)) : inserted.nodes;
        position = nodes.find((n) => n.id === inserted.id)!.position;
        commit((current) => ({ ...current, nodes, edges: inserted.edges }));
      } else {
        position = droppedAt ?? freePosition(d.nodes);
        commit((current) => ({
          ...current,
          nodes: [...selectOnly(current.nodes, null), { id: activity.id, type: 'activity', position, data: { activity }, selected: true }],
        }));
      }
      bringIntoView(position);
      onAdded();
      notify('info', `Added “${descriptor.displayName}”.`);
    },
    [bringIntoView, commit, docRef, freePosition, notify, onAdded, palette, readOnly],
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
    addActivity(descriptor, null, { x: p.x - NODE_WIDTH / 2, y: p.y - 20 });
  };

  const pick = useCallback(
    (descriptor: ActivityDescriptor) => {
      const place = picking;
      setPicking(null);
      if (place) addActivity(descriptor, place);
    },
    [addActivity, picking],
  );

  return { addActivity, onDragOver, onDrop, picking, openPicker: setPicking, closePicker: () => setPicking(null), pick };
}
