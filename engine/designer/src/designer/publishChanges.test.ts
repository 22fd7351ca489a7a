import { describe, expect, it } from 'vitest';
import type { ActivityDescriptor, WorkflowDefinition } from '../api';
import { indexPalette } from './palette';
import { describeChanges, type ChangeWords } from './publishChanges';

const descriptors: ActivityDescriptor[] = [
  { type: 'waitForDuration', kind: 'activity', category: 'Flow', displayName: 'Wait', description: '', ports: ['done'], inputSchema: {}, budgetAffecting: false, estimatedCost: 0 },
  { type: 'action', kind: 'activity', category: 'Actions', displayName: 'Action', description: '', ports: ['done'], inputSchema: {}, budgetAffecting: false, estimatedCost: 0 },
  { type: 'email.send', kind: 'action', category: 'Actions', displayName: 'Send email', description: '', ports: ['done'], inputSchema: {}, budgetAffecting: false, estimatedCost: 0 },
  { type: 'condition', kind: 'activity', category: 'Flow', displayName: 'Condition', description: '', ports: ['true', 'false'], inputSchema: {}, budgetAffecting: false, estimatedCost: 0 },
];
const names: Record<string, string> = { 'plus-readers': 'Plus readers', lapsed: 'Lapsed buyers', 'welcome-1': 'Welcome aboard' };
const words: ChangeWords = { palette: indexPalette(descriptors), segmentName: (k) => names[k], templateName: (k) => names[k] };

const v1: WorkflowDefinition = {
  id: 'plus-welcome',
  name: 'Plus welcome',
  trigger: { type: 'segment.entered', segment: 'plus-readers' },
  reentry: { policy: 'once' },
  activities: [
    { id: 'wait', type: 'waitForDuration', duration: 'P1D' },
    { id: 'mail', type: 'action', action: 'email.send', input: { template: 'welcome-1' } },
  ],
  connections: [{ from: 'wait', port: 'done', to: 'mail' }],
};

describe('what publishing changes, in words', () => {
  it('describes a first version by its steps and when it starts, with the segment by its name', () => {
    expect(describeChanges(null, v1, words)).toEqual(['First version, with 2 steps', 'Starts when a customer enters “Plus readers”']);
  });

  it('names steps by their names and says what they do, never by id or type', () => {
    const v2: WorkflowDefinition = {
      ...v1,
      trigger: { type: 'segment.entered', segment: 'lapsed' },
      reentry: { policy: 'always' },
      activities: [
        { id: 'wait', type: 'waitForDuration', duration: 'P2D' },
        { id: 'check', type: 'condition', displayName: 'Still a reader?', expression: 'Features.Purchases30d > 0' },
        { id: 'mail', type: 'action', action: 'email.send', input: { template: 'welcome-1' } },
      ],
      connections: [
        { from: 'wait', port: 'done', to: 'check' },
        { from: 'check', port: 'true', to: 'mail' },
      ],
    };
    expect(describeChanges(v1, v2, words)).toEqual([
      'Starts when a customer enters “Lapsed buyers” (before: enters “Plus readers”)',
      'Re-entry: Every time the trigger fires (before: only once, ever)',
      'Added “Still a reader?”: Features.Purchases30d > 0',
      'Changed “Wait”: Wait 2 days',
      '“Wait” now leads to “Still a reader?”',
      '“Still a reader?” (yes) now leads to “Send email”',
      '“Wait” no longer leads to “Send email”',
    ]);
  });

  it('names a removed step by its name in the published version', () => {
    const v2: WorkflowDefinition = { ...v1, activities: [v1.activities[0]], connections: [] };
    expect(describeChanges(v1, v2, words)).toEqual(['Removed “Send email”: Send “Welcome aboard”', '“Wait” no longer leads to “Send email”']);
  });

  it('sees no change when only the order of settings or an absent setting differs', () => {
    const same: WorkflowDefinition = {
      ...v1,
      reentry: { days: null, policy: 'once' },
      activities: [{ duration: 'P1D', type: 'waitForDuration', id: 'wait', displayName: null }, v1.activities[1]],
    };
    expect(describeChanges(v1, same, words)).toEqual(['No changes to the flow']);
  });

  it('names steps by id and ports by their own names in the advanced view', () => {
    const v2: WorkflowDefinition = { ...v1, connections: [{ from: 'wait', port: 'done', to: 'mail' }, { from: 'mail', port: 'failed', to: 'wait' }] };
    expect(describeChanges(v1, v2, { ...words, advanced: true })).toEqual(['“mail” (failed) now leads to “wait”']);
  });
});
