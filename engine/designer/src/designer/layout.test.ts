import { describe, expect, it } from 'vitest';
import { autoLayout, crowded, LAYER_GAP } from './layout';

describe('auto-layout', () => {
  it('stacks a chain in one column, one layer per step', () => {
    const p = autoLayout(['a', 'b', 'c'], [
      { source: 'a', target: 'b' },
      { source: 'b', target: 'c' },
    ]);
    expect(p.a).toEqual({ x: 0, y: 0 });
    expect(p.b).toEqual({ x: 0, y: LAYER_GAP });
    expect(p.c).toEqual({ x: 0, y: 2 * LAYER_GAP });
  });

  it('puts branches side by side on the same layer', () => {
    const p = autoLayout(['a', 'yes', 'no'], [
      { source: 'a', target: 'yes' },
      { source: 'a', target: 'no' },
    ]);
    expect(p.yes.y).toBe(p.no.y);
    expect(p.yes.x).toBeLessThan(p.no.x);
    expect(p.yes.x + p.no.x).toBe(0);
  });

  it('places a join below its deepest parent', () => {
    const p = autoLayout(['a', 'b', 'c', 'join'], [
      { source: 'a', target: 'b' },
      { source: 'b', target: 'c' },
      { source: 'a', target: 'join' },
      { source: 'c', target: 'join' },
    ]);
    expect(p.join.y).toBe(3 * LAYER_GAP);
  });

  it('lays out loops without hanging and positions every node', () => {
    const p = autoLayout(['start', 'wait', 'check', 'orphan'], [
      { source: 'start', target: 'wait' },
      { source: 'wait', target: 'check' },
      { source: 'check', target: 'wait' },
    ]);
    expect(Object.keys(p).sort()).toEqual(['check', 'orphan', 'start', 'wait']);
    expect(p.wait.y).toBeLessThan(p.check.y);
  });

  it('ignores edges to unknown nodes', () => {
    const p = autoLayout(['a'], [{ source: 'a', target: 'ghost' }]);
    expect(p).toEqual({ a: { x: 0, y: 0 } });
  });
});

describe('crowded', () => {
  it('finds steps stored on top of each other', () => {
    expect(crowded([{ x: 250, y: 120 }, { x: 250, y: 240 }])).toBe(true);
  });

  it('accepts steps a layer apart or side by side', () => {
    expect(crowded([{ x: 0, y: 0 }, { x: 0, y: LAYER_GAP }, { x: 270, y: LAYER_GAP }])).toBe(false);
  });
});
