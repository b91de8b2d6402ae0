/**
 * The backend the training worker runs on, asked for once per worker (again after it
 * restarts): shown in the status bar, and a fallback from the requested backend is told to
 * the user once per worker.
 */
import * as vscode from 'vscode';
import type { BackendStatus } from '../core/backendChoice';
import type { StatusBar } from './statusBar';
import type { TrainingWorkerClient } from './trainingWorkerClient';

export class WorkerBackend {
  private status: Promise<BackendStatus> | undefined;

  constructor(
    private readonly worker: TrainingWorkerClient,
    private readonly statusBar: StatusBar,
  ) {
    worker.onDidRestart(() => this.reset());
  }

  /** Starts the worker if needed and says which backend it runs on. */
  ensure(): Promise<BackendStatus> {
    this.status ??= this.worker.request({ type: 'init' }).then(({ backend }) => {
      this.statusBar.showBackend(backend);
      if (backend.fallbackReason) void vscode.window.showWarningMessage(`RNN Studio: ${backend.fallbackReason}`);
      return backend;
    });
    this.status.catch(() => (this.status = undefined));
    return this.status;
  }

  /** Forgets the backend after the worker restarted (e.g. the backend setting changed). */
  private reset(): void {
    this.status = undefined;
    this.statusBar.showBackend(undefined);
  }
}
