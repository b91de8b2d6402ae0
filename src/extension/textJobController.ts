/**
 * The text job as the user meets it: train on a selection with live progress in the panel,
 * the status bar and a cancellable notification, then generate, regenerate, and act on the
 * result. Owns the panel's lifetime; the model itself lives in the training worker.
 */
import * as vscode from 'vscode';
import type { GenerationSettings, TextTrainingSettings } from '../core/text/textSettings';
import { validateGeneration, validateTraining } from '../core/text/textSettingsValidation';
import { UserError } from '../core/userError';
import { Vocabulary } from '../core/text/vocabulary';
import { TEXT_PROTOCOL, type LossPoint, type TextHostMessage as HostMessage, type TextWebviewMessage as WebviewMessage } from '../protocol/text';
import type { TextState } from '../protocol/textState';
import type { ModelSummary, TrainingOutcome } from '../worker/protocol';
import { StatusBar } from './statusBar';
import { renderPanelHtml } from '../webviewHtml';
import { PanelOwner } from './panelOwner';
import type { PanelKind, StudioPanel } from './studioPanel';
import { applyTextAction } from './textActions';
import type { TextSource } from './textSource';
import type { TrainingWorkerClient } from './trainingWorkerClient';
import type { WorkerBackend } from './workerBackend';

export const TEXT_PANEL: PanelKind<HostMessage, WebviewMessage, TextState> = { viewType: 'rnnStudio.panel', title: 'RNN Studio', script: 'webview.js', render: renderPanelHtml, protocol: TEXT_PROTOCOL };

/** Progress reaches the panel at most this often; every point arrives, in batches. */
const PROGRESS_INTERVAL_MS = 100;

export class TextJobController implements vscode.Disposable {
  private readonly panels: PanelOwner<HostMessage, WebviewMessage, TextState>;
  /** Every message meant for the panel, whether or not one is open: the extension's API. */
  readonly onDidPost: PanelOwner<HostMessage, WebviewMessage, TextState>['onDidPost'];
  private source: TextSource | undefined;
  private model: ModelSummary | undefined;
  /** Unique across reloads: a restored panel never mistakes a new run for its old one. */
  private runId = Date.now();
  private training = false;

  constructor(
    extensionUri: vscode.Uri,
    private readonly worker: TrainingWorkerClient,
    private readonly backend: WorkerBackend,
    private readonly statusBar: StatusBar,
    log: vscode.LogOutputChannel,
  ) {
    this.panels = new PanelOwner(TEXT_PANEL, extensionUri, log, (message) => this.onPanelMessage(message));
    this.onDidPost = this.panels.onDidPost;
  }

  get hasModel(): boolean {
    return this.model !== undefined;
  }

  get isTraining(): boolean {
    return this.training;
  }

  /** The panel, created (or revealed) on demand. */
  showPanel(): StudioPanel<HostMessage, WebviewMessage, TextState> {
    return this.panels.show();
  }

  /** Takes over a panel VS Code restored after a reload, with the state its webview last persisted. */
  restorePanel(webviewPanel: vscode.WebviewPanel, saved: unknown): void {
    this.panels.restore(webviewPanel, saved);
  }

  /** Forgets the model after the worker restarted (e.g. the backend setting changed). */
  forgetModel(): void {
    this.model = undefined;
  }

  /** Starts the worker if needed and shows its backend in the panel. */
  private async ensureBackend(): Promise<void> {
    this.post({ type: 'backend', backend: await this.backend.ensure() });
  }

  /** Trains on `source` and generates from the result. */
  async train(source: TextSource, training: TextTrainingSettings, generation: GenerationSettings): Promise<void> {
    if (this.training) {
      throw new UserError('A model is training: cancel it (Cancel in the panel, or "RNN Studio: Cancel Training") before starting another.');
    }
    // A prompt the text cannot produce is refused now, not after the training.
    Vocabulary.fromText(source.text).encode(generation.prompt, 'The prompt');
    this.training = true;
    void vscode.commands.executeCommand('setContext', 'rnnStudio.training', true);
    const runId = ++this.runId;
    try {
      this.source = source;
      this.showPanel();
      this.post({ type: 'settings', training, generation });
      await this.ensureBackend();
      const outcome = await this.runTraining(runId, source, training);
      this.post({
        type: 'trainingFinished',
        runId,
        outcome: outcome.cancelled ? 'cancelled' : 'completed',
        finalLoss: outcome.finalLoss,
        epochsRun: outcome.epochsRun,
        msPerEpoch: outcome.msPerEpoch,
      });
      this.model = outcome.epochsRun > 0 ? outcome.model : undefined;
      if (this.model) await this.generate(generation);
    } finally {
      this.training = false;
      this.statusBar.showIdle();
      void vscode.commands.executeCommand('setContext', 'rnnStudio.training', false);
    }
  }

  private runTraining(runId: number, source: TextSource, training: TextTrainingSettings): Thenable<TrainingOutcome & { model: ModelSummary }> {
    const title = `RNN Studio: training ${training.cell.toUpperCase()} on ${source.label}`;
    return vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title, cancellable: true },
      async (progress, token) => {
        const cancel = token.onCancellationRequested(() => this.worker.cancel());
        let pending: LossPoint[] = [];
        let lastFlush = 0;
        const events = this.worker.onEvent((event) => {
          if (event.type !== 'started' && event.type !== 'epoch') return;
          if (event.type === 'started') {
            const { type: _started, ...info } = event;
            this.post({ type: 'trainingStarted', runId, source: source.label, ...info });
            return;
          }
          pending.push({ epoch: event.epoch, loss: event.loss });
          const perEpoch = event.elapsedMs / event.epoch;
          const remainingMs = perEpoch * (event.epochs - event.epoch);
          progress.report({ increment: 100 / event.epochs, message: `epoch ${event.epoch}/${event.epochs}, loss ${event.loss.toFixed(4)}` });
          this.statusBar.showEpoch(event.epoch, event.epochs);
          const now = Date.now();
          if (now - lastFlush >= PROGRESS_INTERVAL_MS || event.epoch === event.epochs) {
            this.post({ type: 'progress', runId, points: pending, epochs: event.epochs, elapsedMs: event.elapsedMs, remainingMs });
            pending = [];
            lastFlush = now;
          }
        });
        try {
          const outcome = await this.worker.request({ type: 'train', text: source.text, training });
          if (pending.length > 0) {
            const elapsedMs = outcome.msPerEpoch * outcome.epochsRun;
            this.post({ type: 'progress', runId, points: pending, epochs: training.epochs, elapsedMs, remainingMs: 0 });
          }
          return outcome;
        } finally {
          events.dispose();
          cancel.dispose();
        }
      },
    );
  }

  /** Generates from the current model without retraining. */
  async generate(generation: GenerationSettings): Promise<void> {
    if (!this.model) {
      throw new UserError('No model to generate from: train one ("RNN Studio: Generate Text from Selection") or load a saved one ("RNN Studio: Load Model").');
    }
    const { text } = await this.worker.request({ type: 'generate', generation });
    this.post({ type: 'generated', runId: this.runId, prompt: generation.prompt, text, temperature: generation.temperature });
  }

  cancel(): void {
    if (this.training) this.worker.cancel();
  }

  /** Saves the current model into `dir` (the worker writes it atomically). */
  async save(dir: string): Promise<void> {
    if (!this.model) {
      throw new UserError('No model to save yet: train one on a selection ("RNN Studio: Generate Text from Selection") first.');
    }
    if (this.training) throw new UserError('Wait for the training to finish (or cancel it) before saving.');
    await this.worker.request({ type: 'save', dir });
    this.post({ type: 'modelSaved', path: dir });
  }

  /** Loads a saved model into the worker, shows it in the panel and generates from it. */
  async load(dir: string, name: string, generation: GenerationSettings): Promise<void> {
    if (this.training) throw new UserError('Wait for the training to finish (or cancel it) before loading a model.');
    await this.ensureBackend();
    const { model } = await this.worker.request({ type: 'load', dir });
    this.model = model;
    this.runId++;
    this.showPanel();
    this.post({ type: 'modelLoaded', name, vocabularySize: model.vocabularySize, cell: model.training.cell });
    this.post({ type: 'settings', training: model.training, generation });
    await this.generate(generation);
  }

  private async onPanelMessage(message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        return;
      case 'cancel':
        return this.cancel();
      case 'train': {
        if (!this.source) throw new UserError('Select the text to train on in an editor and run "RNN Studio: Generate Text from Selection": the panel trains on that text.');
        const training = validateTraining({ ...message.training }, (key) => `the form's ${key}`);
        const generation = validateGeneration({ ...message.generation }, (key) => `the form's ${key}`);
        return this.train(this.source, training, generation);
      }
      case 'generate':
        return this.generate(validateGeneration({ ...message.generation }, (key) => `the form's ${key}`));
      case 'textAction':
        return applyTextAction(message.action, message.text, this.source?.editor);
      case 'saveModel':
        await vscode.commands.executeCommand('rnnStudio.saveModel');
        return;
    }
  }

  private post(message: HostMessage): void {
    this.panels.post(message);
  }

  /** Shows a failure as a notification and in the panel. */
  fail(error: unknown): void {
    this.panels.fail(error);
  }

  dispose(): void {
    this.panels.dispose();
  }
}
