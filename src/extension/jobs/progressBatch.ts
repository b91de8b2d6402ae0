/**
 * Progress for a panel, in batches: a training sends an event per epoch (thousands a
 * second for a small model); the panel is sent every item, at most every
 * PROGRESS_INTERVAL_MS, plus the final one at once. Pure, so it is unit-tested without VS Code.
 */

/** Progress reaches a panel at most this often. */
const PROGRESS_INTERVAL_MS = 100;

export class ProgressBatch<T> {
  private items: T[] = [];
  private lastSent = 0;

  constructor(
    /** Receives each batch, in order (never empty). */
    private readonly send: (items: T[]) => void,
    private readonly intervalMs = PROGRESS_INTERVAL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Adds `item`; sends the batch if the interval has passed since the last one, or if `final`. */
  add(item: T, final = false): void {
    this.items.push(item);
    if (final || this.now() - this.lastSent >= this.intervalMs) this.flush();
  }

  /** Sends what is waiting now (nothing if nothing is). */
  flush(): void {
    if (this.items.length === 0) return;
    const batch = this.items;
    this.items = [];
    this.lastSent = this.now();
    this.send(batch);
  }
}
