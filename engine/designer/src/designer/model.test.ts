import { describe, expect, it } from 'vitest';
import type { ActivityDescriptor, WorkflowDefinition } from '../api';
import {
  ELSA_PLACEHOLDER,
  TRIGGER_NODE_ID,
  canvasToDefinition,
  definitionToCanvas,
  makeStart,
  portsFor,
  renameActivity,
  startActivityId,
  summarize,
  triggerEdge,
} from './model';
import { LAYER_GAP } from './layout';
import { createActivity, indexPalette, newActivityId, paletteTestId } from './palette';

const winback: WorkflowDefinition = {
  id: 'at-risk-winback',
  name: 'At-risk win-back',
  version: 3,
  trigger: { type: 'segment.entered', segment: 'at-risk' },
  reentry: { policy: 'oncePer', days: 30 },
  activities: [
    { id: 'score', type: 'condition', expression: 'Scores.ChurnRisk >= 0.7' },
    { id: 'split', type: 'split', branches: [{ port: 'treat', percent: 90 }, { port: 'holdout', percent: 10 }] },
    { id: 'mail', type: 'action', action: 'email.send', input: { template: 'winback-10' } },
    { id: 'wait', type: 'waitForEvent', event: 'purchase', timeout: 'P7D' },
    { id: 'ads', type: 'action', action: 'retargeting.exclude', input: { audience: 'prospecting' } },
  ],
  connections: [
    { from: 'score', port: 'true', to: 'split' },
    { from: 'split', port: 'treat', to: 'mail' },
    { from: 'mail', port: 'done', to: 'wait' },
    { from: 'wait', port: 'event', to: 'ads' },
  ],
  layout: { score: { x: 0, y: 0 } },
};

const descriptors: ActivityDescriptor[] = [
  { type: 'condition', kind: 'activity', category: 'Flow', displayName: 'Condition', description: '', ports: ['true', 'false'], inputSchema: { type: 'object', properties: { expression: { type: 'string' } }, required: ['expression'] }, budgetAffecting: false, estimatedCost: 0 },
  { type: 'split', kind: 'activity', category: 'Flow', displayName: 'Split', description: '', ports: ['a', 'b'], inputSchema: { type: 'object', properties: { branches: { type: 'array', items: { type: 'object', properties: { port: { type: 'string' }, percent: { type: 'integer' } } } } } }, budgetAffecting: false, estimatedCost: 0 },
  { type: 'action', kind: 'activity', category: 'Actions', displayName: 'Action', description: '', ports: ['done', 'failed'], inputSchema: { type: 'object', properties: { action: { type: 'string' }, input: { type: 'object' } } }, budgetAffecting: false, estimatedCost: 0 },
  { type: 'email.send', kind: 'action', category: 'Email', displayName: 'Send email', description: '', ports: ['done', 'failed'], inputSchema: { type: 'object', properties: { template: { type: 'string', default: 'welcome' } }, required: ['template'] }, budgetAffecting: false, estimatedCost: 0.01, plugin: 'Email' },
  { type: 'end', kind: 'activity', category: 'Flow', displayName: 'End', description: '', ports: [], inputSchema: null, budgetAffecting: false, estimatedCost: 0 },
];
const palette = indexPalette(descriptors);

describe('definition ↔ canvas', () => {
  it('round-trips a definition: activities, connections, trigger, re-entry and layout', () => {
    const canvas = definitionToCanvas(winback);
    const back = canvasToDefinition(canvas.meta, canvas.nodes, canvas.edges);

    expect(back.id).toBe('at-risk-winback');
    expect(back.version).toBe(3);
    expect(back.trigger).toEqual(winback.trigger);
    expect(back.reentry).toEqual({ policy: 'oncePer', days: 30 });
    expect(back.activities).toEqual(winback.activities);
    expect(back.connections).toEqual(winback.connections);
    expect(back.layout?.score).toEqual({ x: 0, y: 0 });
    expect(Object.keys(back.layout ?? {}).sort()).toEqual(['ads', 'mail', 'score', 'split', 'trigger', 'wait']);
  });

  it('draws the trigger as a node that cannot be deleted, and stores no connection from it', () => {
    const canvas = definitionToCanvas(winback);
    const trigger = canvas.nodes.find((n) => n.id === TRIGGER_NODE_ID)!;
    expect(trigger.type).toBe('trigger');
    expect(trigger.deletable).toBe(false);
    expect(trigger.data).toEqual({ trigger: winback.trigger });

    const withTriggerEdge = [...canvas.edges, { id: 'x', source: TRIGGER_NODE_ID, target: 'score', sourceHandle: 'start' }];
    const back = canvasToDefinition(canvas.meta, canvas.nodes, withTriggerEdge);
    expect(back.connections.some((c) => c.from === TRIGGER_NODE_ID)).toBe(false);
  });

  it('connects the trigger visually to the first activity nothing leads to', () => {
    const canvas = definitionToCanvas(winback);
    expect(triggerEdge(canvas.nodes, canvas.edges)).toMatchObject({ source: 'trigger', target: 'score' });
    expect(startActivityId(winback.activities, winback.connections)).toBe('score');
  });

  it('makes an activity the start by moving it first', () => {
    const canvas = definitionToCanvas({ ...winback, connections: [] });
    const nodes = makeStart(canvas.nodes, 'wait');
    expect(nodes.map((n) => n.id)).toEqual(['trigger', 'wait', 'score', 'split', 'mail', 'ads']);
    expect(triggerEdge(nodes, [])?.target).toBe('wait');
  });

  it('places nodes without a stored position by auto-layout, below the trigger', () => {
    const canvas = definitionToCanvas({ ...winback, layout: {} });
    const y = (id: string) => canvas.nodes.find((n) => n.id === id)!.position.y;
    expect(y('trigger')).toBeLessThan(y('score'));
    expect(y('score')).toBeLessThan(y('split'));
    expect(y('wait')).toBeLessThan(y('ads'));
  });

  it('lays out afresh a stored layout whose steps overlap', () => {
    const piled = { score: { x: 250, y: 120 }, split: { x: 250, y: 240 }, mail: { x: 120, y: 360 }, wait: { x: 250, y: 480 }, ads: { x: 380, y: 360 } };
    const canvas = definitionToCanvas({ ...winback, layout: piled });
    const at = (id: string) => canvas.nodes.find((n) => n.id === id)!.position;
    expect(at('split').y - at('score').y).toBeGreaterThanOrEqual(LAYER_GAP);
    expect(at('score')).not.toEqual(piled.score);
  });

  it('renames an activity everywhere it is referenced', () => {
    const canvas = definitionToCanvas(winback);
    const renamed = renameActivity(canvas.nodes, canvas.edges, 'mail', 'winback-mail');
    const back = canvasToDefinition(canvas.meta, renamed.nodes, renamed.edges);
    expect(back.activities.map((a) => a.id)).toContain('winback-mail');
    expect(back.connections).toContainEqual({ from: 'split', port: 'treat', to: 'winback-mail' });
    expect(back.connections).toContainEqual({ from: 'winback-mail', port: 'done', to: 'wait' });
  });

  it('keeps a definition without trigger or re-entry readable', () => {
    const canvas = definitionToCanvas({ id: 'x', name: 'X', activities: [], connections: [] });
    const back = canvasToDefinition(canvas.meta, canvas.nodes, canvas.edges);
    expect(back.trigger).toBeNull();
    expect(back.reentry).toEqual({ policy: 'once' });
    expect(back.activities).toEqual([]);
  });
});

describe('ports', () => {
  it('takes split ports from its branches', () => {
    expect(portsFor(winback.activities[1], palette)).toEqual(['treat', 'holdout']);
  });

  it("takes a plugin action's ports from its descriptor", () => {
    expect(portsFor(winback.activities[2], palette)).toEqual(['done', 'failed']);
  });

  it('keeps a port an existing connection uses even if the palette does not list it', () => {
    // waitForEvent is not in this palette: unknown types get "done", plus the ports already connected.
    expect(portsFor(winback.activities[3], palette, winback.connections)).toEqual(['done', 'event']);
  });

  it("takes a ruleSet node's ports from the rule set it runs", () => {
    const ruleSet: ActivityDescriptor = {
      type: 'ruleSet', kind: 'activity', category: 'Decide', displayName: 'Rule set', description: '', ports: ['none'],
      inputSchema: null, budgetAffecting: false, estimatedCost: 0,
      portsBySetting: { setting: 'ruleSet', ports: { 'engagement-tier': ['ready-to-buy', 'browsing', 'none'] } },
    };
    const withRuleSet = indexPalette([...descriptors, ruleSet]);
    expect(portsFor({ id: 'tier', type: 'ruleSet', ruleSet: 'engagement-tier' }, withRuleSet)).toEqual(['ready-to-buy', 'browsing', 'none']);
    expect(portsFor({ id: 'tier', type: 'ruleSet' }, withRuleSet)).toEqual(['none']);
  });

  it('draws an unmapped Elsa placeholder with the Elsa ports its kept connections use, and names its Elsa type', () => {
    const placeholder = { id: 'FlowFork1', type: ELSA_PLACEHOLDER, elsaType: 'Elsa.FlowFork', elsaId: 'FlowFork1' };
    const connections = [
      { from: 'FlowFork1', port: 'Wait', to: 'Event1' },
      { from: 'FlowFork1', port: 'Log', to: 'WriteLine1' },
    ];
    expect(portsFor(placeholder, palette, connections)).toEqual(['Wait', 'Log']);
    expect(summarize(placeholder)).toBe('Elsa Elsa.FlowFork');
  });

  it('gives an end activity no ports', () => {
    expect(portsFor({ id: 'end', type: 'end' }, palette)).toEqual([]);
  });
});

describe('palette', () => {
  it('places a plugin action as an action node with its defaults', () => {
    const email = descriptors.find((d) => d.type === 'email.send')!;
    expect(paletteTestId(email)).toBe('palette-action-email.send');
    expect(createActivity(email, new Set())).toEqual({ id: 'email-send', type: 'action', action: 'email.send', input: { template: 'welcome' } });
  });

  it('starts a split with the palette ports shared out', () => {
    const split = descriptors.find((d) => d.type === 'split')!;
    expect(createActivity(split, new Set()).branches).toEqual([
      { port: 'a', percent: 50 },
      { port: 'b', percent: 50 },
    ]);
  });

  it('makes new ids unique and readable', () => {
    expect(newActivityId('condition', new Set(['condition', 'condition-2']))).toBe('condition-3');
    expect(newActivityId('waitForEvent', new Set())).toBe('wait-for-event');
    expect(newActivityId('trigger', new Set())).toBe('step');
  });
});
