import { describe, expect, it } from 'vitest';
import type { ActivityDescriptor } from '../api';
import { portsFor, summarize } from './model';
import { createActivity, indexPalette } from './palette';

// As /api/activities describes it: a switch declares only 'default'; its cases add the others.
const switchStep: ActivityDescriptor = {
  type: 'switch', kind: 'activity', category: 'Decide', displayName: 'Switch', description: '', ports: ['default'],
  inputSchema: { type: 'object', properties: { cases: { type: 'array', items: { type: 'object', properties: { port: { type: 'string' }, condition: { type: 'string' } } } } } },
  budgetAffecting: false, estimatedCost: 0,
};
const palette = indexPalette([switchStep]);

describe('switch handles', () => {
  it('draws one handle per case, in order, then default', () => {
    const activity = { id: 's', type: 'switch', cases: [{ port: 'gold', condition: 'a' }, { port: 'silver', condition: 'b' }] };
    expect(portsFor(activity, palette)).toEqual(['gold', 'silver', 'default']);
    expect(summarize(activity)).toBe('gold · silver · default');
  });

  it('a switch placed from the palette starts with one case to fill in', () => {
    const placed = createActivity(switchStep, new Set());
    expect(portsFor(placed, palette)).toEqual(['case1', 'default']);
  });
});
