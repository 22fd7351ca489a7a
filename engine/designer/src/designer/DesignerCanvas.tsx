import type { DragEvent, RefObject } from 'react';
import { Background, Controls, MiniMap, ReactFlow, type Connection, type EdgeChange, type NodeChange } from '@xyflow/react';
import { edgeTypes } from './AddEdge';
import { DecorationsContext, type Decorations } from './decorations';
import { TRIGGER_NODE_ID, type CanvasEdge, type CanvasNode } from './model';
import { nodeTypes } from './nodes';

interface DesignerCanvasProps {
  wrapper: RefObject<HTMLDivElement | null>;
  nodes: CanvasNode[];
  edges: CanvasEdge[];
  decorations: Decorations;
  readOnly: boolean;
  onNodesChange: (changes: NodeChange<CanvasNode>[]) => void;
  onEdgesChange: (changes: EdgeChange<CanvasEdge>[]) => void;
  onConnect: (connection: Connection) => void;
  onNodeDragStart: () => void;
  onNodeDragStop: () => void;
  /** Called before React Flow deletes steps (keyboard), so the deletion can be undone. */
  onBeforeDelete: () => void;
  onDragOver: (event: DragEvent) => void;
  onDrop: (event: DragEvent) => void;
}

/** The React Flow canvas with the designer's nodes, "+" edges, controls and mini map. */
export function DesignerCanvas(props: DesignerCanvasProps) {
  const { readOnly } = props;
  return (
    <div className="canvas" ref={props.wrapper} onDragOver={props.onDragOver} onDrop={props.onDrop} data-testid="canvas">
      <DecorationsContext.Provider value={props.decorations}>
        <ReactFlow<CanvasNode, CanvasEdge>
          nodes={props.nodes}
          edges={props.edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodesChange={props.onNodesChange}
          onEdgesChange={props.onEdgesChange}
          onConnect={props.onConnect}
          isValidConnection={(c) => c.source !== c.target && c.target !== TRIGGER_NODE_ID}
          onBeforeDelete={async ({ nodes }) => {
            if (readOnly || nodes.some((n) => n.id === TRIGGER_NODE_ID)) return false;
            props.onBeforeDelete();
            return true;
          }}
          onNodeDragStart={props.onNodeDragStart}
          onNodeDragStop={props.onNodeDragStop}
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
  );
}
