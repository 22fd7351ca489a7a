import { BaseEdge, EdgeLabelRenderer, getSmoothStepPath, type EdgeProps, type EdgeTypes } from '@xyflow/react';
import { Plus } from 'lucide-react';
import { useDecorations } from './decorations';
import type { CanvasEdge } from './model';

/** A connection drawn with a "+" in its middle that inserts a step there (split in two), unless the canvas is read-only. */
export function AddEdge(props: EdgeProps<CanvasEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, markerEnd, style, label, source, target } = props;
  const deco = useDecorations();
  const [path, labelX, labelY] = getSmoothStepPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        style={style}
        label={label}
        labelX={labelX}
        labelY={labelY - 22}
        labelStyle={props.labelStyle}
        labelBgStyle={props.labelBgStyle}
        labelBgPadding={props.labelBgPadding}
        labelBgBorderRadius={props.labelBgBorderRadius}
      />
      {!deco.readOnly && deco.onInsert && (
        <EdgeLabelRenderer>
          <button
            type="button"
            className="edge-add nodrag nopan"
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            aria-label={`Add a step between ${deco.stepName(source)} and ${deco.stepName(target)}`}
            title="Add a step here"
            data-testid={`edge-add-${id}`}
            onClick={() => deco.onInsert?.({ edgeId: id })}
          >
            <Plus size={14} aria-hidden="true" />
          </button>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

export const edgeTypes: EdgeTypes = { add: AddEdge };
