import { describe, expect, it } from 'vitest';
import { clusterName } from './clusterName';

describe('clusterName', () => {
  it('names a group for its traits, without the averages', () => {
    expect(clusterName('low purchases (average 0.3 vs 1.8 overall); low total spend (average 30.1 vs 422.7 overall)', 1)).toBe(
      'Low purchases, low total spend',
    );
  });

  it('falls back to the group number when the description says nothing', () => {
    expect(clusterName('  ', 3)).toBe('Group 3');
  });
});
