import { describe, expect, it } from 'vitest';
import type { ActivityDescriptor, WorkflowDefinition } from '../api';
import { defaultPlace, insertActivity } from './insertion';
import { LAYER_GAP } from './layout';
import { TRIGGER_EDGE_ID, canvasToDefinition, definitionToCanvas, triggerEdge } from './model';
import { indexPalette } from './palette';

const descriptor = (type: string, ports: string[]): ActivityDescriptor => ({
  type, kind: 'activity', category: 'Flow', displayName: type, description: '', ports, inputSchema: null, budgetAffecting: false, estimatedCost: 0,
});
const palette = indexPalette([descriptor('waitForDuration', ['done', 'failed']), descriptor('end', [])]);

const flow: WorkflowDefinition = {
  id: 'w', name: 'W', trigger: { type: 'segment.entered', segment: 'at-risk' }, reentry: { policy: 'once' },
  activities: [{ id: 'first', type: 'waitForDuration', duration: 'P1D' }, { id: 'last', type: 'end' }],
  connections: [{ from: 'first', port: 'done', to: 'last' }],
  layout: { trigger: { x: 0, y: 0 }, first: { x: 0, y: 170 }, last: { x: 0, y: 340 } },
};

describe('inserting a step', () => {
  it('splits a connection in two and moves the steps below down a layer', () => {
    const c = definitionToCanvas(flow);
    const result = insertActivity(c, { id: 'pause', type: 'waitForDuration' }, { edgeId: c.edges[0].id }, palette);
    const d = canvasToDefinition(c.meta, result.nodes, result.edges);
    expect(d.connections).toEqual([
      { from: 'first', port: 'done', to: 'pause' },
      { from: 'pause', port: 'done', to: 'last' },
    ]);
    expect(d.layout?.pause).toEqual({ x: 0, y: 340 });
    expect(d.layout?.last).toEqual({ x: 0, y: 340 + LAYER_GAP });
  });

  it('after the trigger makes the new step the start, leading to the old start', () => {
    const c = definitionToCanvas(flow);
    const result = insertActivity(c, { id: 'pause', type: 'waitForDuration' }, { edgeId: TRIGGER_EDGE_ID }, palette);
    expect(triggerEdge(result.nodes, result.edges)?.target).toBe('pause');
    expect(result.edges.map((e) => e.id)).toContain('pause:done->first');
  });

  it('from the palette goes after the last step with a free main port, never a rarely used one', () => {
    const c = definitionToCanvas({ ...flow, activities: [flow.activities[0]], connections: [] });
    expect(defaultPlace(c, palette)).toEqual({ after: 'first', port: 'done' });
    const empty = definitionToCanvas({ ...flow, activities: [], connections: [] });
    expect(defaultPlace(empty, palette)).toEqual({ after: 'trigger', port: 'start' });
  });
});
