import { describe, expect, it } from 'vitest';
import type { ActivityDescriptor } from '../api';
import { portsFor, summarize } from './model';
import { createActivity, indexPalette } from './palette';

// As /api/activities describes them: a fork's ports come from its branches, a join has one way on.
const fork: ActivityDescriptor = {
  type: 'fork', kind: 'activity', category: 'Flow', displayName: 'Fork', description: '', ports: ['left', 'right'],
  inputSchema: { type: 'object', properties: { branches: { type: 'array', items: { type: 'string' } } } }, budgetAffecting: false, estimatedCost: 0,
};
const join: ActivityDescriptor = {
  type: 'join', kind: 'activity', category: 'Flow', displayName: 'Join', description: '', ports: ['done'],
  inputSchema: { type: 'object', properties: { mode: { type: 'string' } } }, budgetAffecting: false, estimatedCost: 0,
};
const palette = indexPalette([fork, join]);

describe('fork and join handles', () => {
  it('draws one output handle per fork branch, in the order the branches are listed', () => {
    expect(portsFor({ id: 'f', type: 'fork', branches: ['mail', 'sales', 'ads'] }, palette)).toEqual(['mail', 'sales', 'ads']);
  });

  it('keeps a handle for a port a connection still uses after its branch was renamed', () => {
    expect(portsFor({ id: 'f', type: 'fork', branches: ['mail', 'sales'] }, palette, [{ from: 'f', port: 'alert', to: 'x' }])).toEqual(['mail', 'sales', 'alert']);
  });

  it('a fork placed from the palette starts with two branches, and a join has only done', () => {
    const placed = createActivity(fork, new Set());
    expect(placed.branches).toEqual(['left', 'right']);
    expect(portsFor(placed, palette)).toEqual(['left', 'right']);
    expect(portsFor(createActivity(join, new Set()), palette)).toEqual(['done']);
  });

  it('summarizes the branches and the join mode on the node', () => {
    expect(summarize({ id: 'f', type: 'fork', branches: ['mail', 'sales'] })).toBe('in parallel: mail · sales');
    expect(summarize({ id: 'j', type: 'join', mode: 'any' })).toBe('first branch to arrive');
    expect(summarize({ id: 'j', type: 'join', mode: 'all' })).toBe('all branches');
  });
});
