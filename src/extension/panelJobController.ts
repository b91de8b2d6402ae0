/**
 * What the text and forecast controllers share: the one panel of their kind, their jobs on
 * the shared runner (so the panel's Cancel stops this panel's job and no other), and the
 * panel told when the worker no longer holds what this side trained or loaded.
 */
import * as vscode from 'vscode';
import type { CommonHostMessage, CommonWebviewMessage } from '../protocol/common';
import type { JobRunner } from './jobs/jobRunner';
import type { JobContext } from './jobs/jobTypes';
import { PanelOwner } from './panelOwner';
import type { PanelKind, StudioPanel } from './studioPanel';
import type { TrainingWorkerClient } from './trainingWorkerClient';
import type { WorkerBackend } from './workerBackend';

/** What every job controller is built from. */
export interface JobControllerDeps {
  extensionUri: vscode.Uri;
  jobs: JobRunner;
  worker: TrainingWorkerClient;
  backend: WorkerBackend;
  log: vscode.LogOutputChannel;
}

/** Generic over the panel's protocol: its host and webview messages (the common ones included) and its state. */
export abstract class PanelJobController<HostMessage extends CommonHostMessage | { type: string }, WebviewMessage extends CommonWebviewMessage | { type: string }, State>
  implements vscode.Disposable
{
  protected readonly panels: PanelOwner<HostMessage, WebviewMessage, State>;
  /** Every message meant for the panel, whether or not one is open: the extension's API. */
  readonly onDidPost: PanelOwner<HostMessage, WebviewMessage, State>['onDidPost'];
  /** Unique across reloads: a restored panel never mistakes a new run for its old one. */
  protected runId = Date.now();
  private readonly restarted: { dispose(): void };
  private readonly jobs: JobRunner;
  /** Starts the worker if needed and says which backend it runs on. */
  protected readonly backend: WorkerBackend;

  constructor(
    kind: PanelKind<HostMessage, WebviewMessage, State>,
    /** Whose jobs these are on the runner ('text', 'forecast'). */
    private readonly owner: string,
    { extensionUri, jobs, worker, backend, log }: JobControllerDeps,
  ) {
    this.jobs = jobs;
    this.backend = backend;
    this.panels = new PanelOwner(kind, extensionUri, log, (message) => (message.type === 'cancel' ? Promise.resolve(this.cancel()) : this.onPanelMessage(message)));
    this.onDidPost = this.panels.onDidPost;
    this.restarted = worker.onDidRestart((reason) => {
      if (this.holdsModel()) this.release(reason);
    });
  }

  /** Whether the worker holds this side's model (trained, loaded or staged). */
  protected abstract holdsModel(): boolean;
  /** Forgets the model the worker no longer holds. */
  protected abstract forgetModel(): void;
  /** What the user can do once the model is gone, e.g. 'Load a saved model or train again.' */
  protected abstract readonly whenReleased: string;
  protected abstract onPanelMessage(message: WebviewMessage): Promise<void>;

  /** The panel, created (or revealed) on demand. */
  showPanel(): StudioPanel<HostMessage, WebviewMessage, State> {
    return this.panels.show();
  }

  /**
   * Takes over a panel VS Code restored after a reload, with the state its webview last
   * persisted; the protocol's restoreState marks a model the new worker does not hold as released.
   */
  restorePanel(webviewPanel: vscode.WebviewPanel, saved: unknown): void {
    this.panels.restore(webviewPanel, saved);
  }

  /** Cancels this panel's jobs, running or waiting, and no other. */
  cancel(): void {
    this.jobs.cancelOwned(this.owner);
  }

  /** Runs `run` as this side's job; `title` (long jobs) gives it a progress notification. */
  protected runJob<T>(label: string, title: string | undefined, run: (job: JobContext) => Promise<T>): Promise<T> {
    return this.jobs.run({ owner: this.owner, label, title, panel: this.panels, run });
  }

  private release(reason: string): void {
    this.forgetModel();
    const released: CommonHostMessage = { type: 'modelReleased', reason: `${reason} ${this.whenReleased}` };
    this.post(released as HostMessage);
  }

  protected post(message: HostMessage): void {
    this.panels.post(message);
  }

  /** Shows a failure once: in the panel when it is on screen, else as a notification. */
  fail(error: unknown): void {
    this.panels.fail(error);
  }

  dispose(): void {
    this.restarted.dispose();
    this.panels.dispose();
  }
}
