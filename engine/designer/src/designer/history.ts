/**
 * Undo/redo over whole snapshots. Typing into one field repeatedly records one step, not one per
 * key: pushes with the same coalesce key within `coalesceMs` reuse the step already recorded.
 */
export class UndoHistory<T> {
  private past: T[] = [];
  private future: T[] = [];
  private lastKey: string | null = null;
  private lastAt = 0;

  constructor(
    private readonly limit = 100,
    private readonly coalesceMs = 1500,
  ) {}

  /** Records `before` (the state about to be changed). */
  record(before: T, coalesceKey?: string, now: number = Date.now()): void {
    if (coalesceKey && coalesceKey === this.lastKey && now - this.lastAt < this.coalesceMs) {
      this.lastAt = now;
      this.future = [];
      return;
    }
    this.past.push(before);
    if (this.past.length > this.limit) this.past.shift();
    this.future = [];
    this.lastKey = coalesceKey ?? null;
    this.lastAt = now;
  }

  /** Returns the state to go back to, given the current one; undefined when there is none. */
  undo(current: T): T | undefined {
    const previous = this.past.pop();
    if (previous === undefined) return undefined;
    this.future.push(current);
    this.lastKey = null;
    return previous;
  }

  redo(current: T): T | undefined {
    const next = this.future.pop();
    if (next === undefined) return undefined;
    this.past.push(current);
    this.lastKey = null;
    return next;
  }

  clear(): void {
    this.past = [];
    this.future = [];
    this.lastKey = null;
  }

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }
}
