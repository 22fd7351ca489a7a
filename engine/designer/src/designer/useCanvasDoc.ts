import { useCallback, useRef, useState } from 'react';
import { UndoHistory } from './history';
import type { CanvasEdge, CanvasNode, WorkflowMeta } from './model';

export interface CanvasDoc {
  meta: WorkflowMeta;
  nodes: CanvasNode[];
  edges: CanvasEdge[];
}

/**
 * The edited workflow with undo/redo. The ref always holds the newest document, so changes that
 * arrive together (React Flow sends several per frame) build on each other, never on a stale copy.
 */
export function useCanvasDoc(initial: CanvasDoc, initiallyDirty = false) {
  const [doc, setDoc] = useState(initial);
  const ref = useRef(initial);
  const history = useRef(new UndoHistory<CanvasDoc>());
  const [dirty, setDirty] = useState(initiallyDirty);
  const [, setTick] = useState(0);

  const set = useCallback((next: CanvasDoc) => {
    ref.current = next;
    setDoc(next);
  }, []);

  /** A change that is not a design change (selection, measured sizes, a drag in progress). */
  const update = useCallback((change: (d: CanvasDoc) => CanvasDoc) => set(change(ref.current)), [set]);

  /** Marks the current document as a step to come back to. */
  const record = useCallback((coalesceKey?: string) => {
    history.current.record(ref.current, coalesceKey);
    setTick((t) => t + 1);
  }, []);

  /** A design change: undoable and unsaved until saved. */
  const commit = useCallback(
    (change: (d: CanvasDoc) => CanvasDoc, coalesceKey?: string) => {
      history.current.record(ref.current, coalesceKey);
      set(change(ref.current));
      setDirty(true);
      setTick((t) => t + 1);
    },
    [set],
  );

  const undo = useCallback(() => {
    const previous = history.current.undo(ref.current);
    if (!previous) return;
    set(previous);
    setDirty(true);
    setTick((t) => t + 1);
  }, [set]);

  const redo = useCallback(() => {
    const next = history.current.redo(ref.current);
    if (!next) return;
    set(next);
    setDirty(true);
    setTick((t) => t + 1);
  }, [set]);

  return {
    doc,
    ref,
    update,
    record,
    commit,
    undo,
    redo,
    canUndo: history.current.canUndo,
    canRedo: history.current.canRedo,
    dirty,
    setDirty,
  };
}
