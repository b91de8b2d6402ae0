/**
 * A minimal typed event, shaped as VS Code's `Event` (listen, get a disposable back) but
 * free of `vscode`, so the worker client and the job runner run under plain Node in tests.
 */
export type Listen<T> = (listener: (value: T) => void) => { dispose(): void };

export class Signal<T> {
  private listeners = new Set<(value: T) => void>();

  /** Calls `listener` with every value fired from now on, until disposed. */
  readonly event: Listen<T> = (listener) => {
    const own = (value: T) => listener(value);
    this.listeners.add(own);
    return { dispose: () => this.listeners.delete(own) };
  };

  fire(value: T): void {
    for (const listener of [...this.listeners]) listener(value);
  }

  dispose(): void {
    this.listeners.clear();
  }
}
