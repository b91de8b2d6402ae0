/**
 * The forecast job as the user meets it: read the CSV (cancellable, with progress), train the
 * picked models with live loss curves in the forecast panel, then show the plots, metrics and
 * leaderboard; export the forecast or a chart, and save the forecaster.
 */
import { writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CsvOverview } from '../core/csv/csvOverview';
import { forecastCsv } from '../core/forecast/forecastCsv';
import type { ForecastJobResult } from '../core/forecast/forecastResult';
import type { ForecastSettings } from '../core/forecast/forecastSettings';
import { UserError } from '../core/userError';
import { FORECAST_PROTOCOL, type ForecastHostMessage as HostMessage, type ForecastLossPoint, type ForecastWebviewMessage as WebviewMessage } from '../protocol/forecast';
import type { ForecastState } from '../protocol/forecastState';
import { renderForecastPanelHtml } from '../webviewHtml';
import type { WorkerEvent } from '../worker/protocol';
import { askModelFolder } from './modelCommands';
import type { StatusBar } from './statusBar';
import { PanelOwner } from './panelOwner';
import type { PanelKind, StudioPanel } from './studioPanel';
import type { TrainingWorkerClient } from './trainingWorkerClient';
import type { WorkerBackend } from './workerBackend';

export const FORECAST_PANEL: PanelKind<HostMessage, WebviewMessage, ForecastState> = {
  viewType: 'rnnStudio.forecastPanel',
  title: 'RNN Studio — Forecast',
  script: 'forecastWebview.js',
  render: (options, asset) => renderForecastPanelHtml({ ...options, forecastStyleUri: asset('media', 'forecast.css') }),
  protocol: FORECAST_PROTOCOL,
};

/** Progress reaches the panel at most this often; every point arrives, in batches. */
const PROGRESS_INTERVAL_MS = 100;

export class ForecastJobController implements vscode.Disposable {
  private readonly panels: PanelOwner<HostMessage, WebviewMessage, ForecastState>;
  /** Every message meant for the panel, whether or not one is open: the extension's API. */
  readonly onDidPost: PanelOwner<HostMessage, WebviewMessage, ForecastState>['onDidPost'];
  private result: { csv: string; value: ForecastJobResult } | undefined;
  /** Unique across reloads: a restored panel never mistakes a new run for its old one. */
  private runId = Date.now();
  private busy = false;

  constructor(
    extensionUri: vscode.Uri,
    private readonly worker: TrainingWorkerClient,
    private readonly backend: WorkerBackend,
    private readonly statusBar: StatusBar,
    log: vscode.LogOutputChannel,
  ) {
    this.panels = new PanelOwner(FORECAST_PANEL, extensionUri, log, (message) => this.onPanelMessage(message));
    this.onDidPost = this.panels.onDidPost;
  }

  /** The panel, created (or revealed) on demand. */
  showPanel(): StudioPanel<HostMessage, WebviewMessage, ForecastState> {
    return this.panels.show();
  }

  /** Takes over a panel VS Code restored after a reload, with the state its webview last persisted. */
  restorePanel(webviewPanel: vscode.WebviewPanel, saved: unknown): void {
    this.panels.restore(webviewPanel, saved);
  }

  /** Reads the whole CSV once, with a cancellable progress notification, for the column picks. */
  summarize(csv: string, timeColumn?: string | null): Thenable<CsvOverview> {
    return this.exclusive(() =>
      vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `RNN Studio: reading ${path.basename(csv)}`, cancellable: true },
        async (progress, token) => {
          const cancel = token.onCancellationRequested(() => this.worker.cancel());
          let reported = 0;
          const events = this.worker.onEvent((event) => {
            if (event.type !== 'ingest' || event.totalBytes === 0) return;
            const percent = (100 * event.bytesRead) / event.totalBytes;
            progress.report({ increment: percent - reported, message: `${event.rows.toLocaleString('en')} rows` });
            reported = percent;
          });
          try {
            await this.backend.ensure();
            return await this.worker.request({ type: 'summarizeCsv', file: csv, timeColumn });
          } finally {
            events.dispose();
            cancel.dispose();
          }
        },
      ),
    );
  }

  /** Runs the job: trains `settings.models` (or applies the saved model in `load`) on `csv`. */
  forecast(csv: string, settings: Partial<ForecastSettings>, load?: string): Promise<ForecastJobResult | undefined> {
    return this.exclusive(async () => {
      const runId = ++this.runId;
      this.showPanel();
      this.post({ type: 'backend', backend: await this.backend.ensure() });
      const title = `RNN Studio: ${load ? 'forecasting' : 'training forecasters on'} ${path.basename(csv)}`;
      const result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title, cancellable: true },
        (progress, token) => this.run(runId, csv, settings, load, progress, token),
      );
      this.result = { csv, value: result };
      this.post({ type: 'forecastFinished', runId, result });
      void vscode.commands.executeCommand('setContext', 'rnnStudio.hasForecaster', result.models.some((m) => m.savedTo));
      return result;
    });
  }

  private async run(
    runId: number,
    csv: string,
    settings: Partial<ForecastSettings>,
    load: string | undefined,
    progress: vscode.Progress<{ message?: string; increment?: number }>,
    token: vscode.CancellationToken,
  ): Promise<ForecastJobResult> {
    const cancel = token.onCancellationRequested(() => this.worker.cancel());
    const file = path.basename(csv);
    let pending: ForecastLossPoint[] = [];
    let lastFlush = 0;
    let modelCount = 1;
    const flush = (event: Extract<WorkerEvent, { type: 'forecastEpoch' }>) => {
      const remainingEpochs = event.epochs - event.epoch + (event.models - event.modelIndex - 1) * event.epochs;
      const { model, modelIndex, epochs, elapsedMs } = event;
      this.post({ type: 'forecastProgress', runId, model, modelIndex, points: pending, epochs, elapsedMs, remainingMs: (elapsedMs / event.epoch) * remainingEpochs });
      pending = [];
      lastFlush = Date.now();
    };
    let last: Extract<WorkerEvent, { type: 'forecastEpoch' }> | undefined;
    const events = this.worker.onEvent((event) => {
      if (event.type === 'ingest') {
        if (Date.now() - lastFlush < PROGRESS_INTERVAL_MS && event.bytesRead < event.totalBytes) return;
        lastFlush = Date.now();
        this.post({ type: 'ingestProgress', runId, file, bytesRead: event.bytesRead, totalBytes: event.totalBytes, rows: event.rows });
        progress.report({ message: `reading: ${event.rows.toLocaleString('en')} rows` });
      } else if (event.type === 'forecastStarted') {
        const { type: _started, ...start } = event;
        modelCount = start.models.length;
        this.post({ type: 'forecastStarted', runId, ...start });
      } else if (event.type === 'forecastEpoch') {
        if (last && last.model !== event.model && pending.length > 0) flush(last);
        last = event;
        pending.push(event.valLoss === undefined ? { epoch: event.epoch, loss: event.loss } : { epoch: event.epoch, loss: event.loss, valLoss: event.valLoss });
        progress.report({ increment: 100 / (event.epochs * modelCount), message: `${event.model} epoch ${event.epoch}/${event.epochs}, loss ${event.loss.toPrecision(4)}` });
        this.statusBar.showEpoch(event.epoch, event.epochs);
        if (Date.now() - lastFlush >= PROGRESS_INTERVAL_MS || event.epoch === event.epochs) flush(event);
      }
    });
    try {
      const result = await this.worker.request({ type: 'forecast', csv, settings, load });
      if (last && pending.length > 0) flush(last);
      return result;
    } finally {
      events.dispose();
      cancel.dispose();
      this.statusBar.showIdle();
    }
  }

  get isBusy(): boolean {
    return this.busy;
  }

  cancel(): void {
    if (this.busy) this.worker.cancel();
  }

  /** Asks where, then saves the forecaster that made the forecast (or `model`). */
  async saveForecaster(name?: string): Promise<void> {
    const result = this.result?.value;
    if (!result || !result.models.some((m) => m.savedTo)) {
      throw new UserError('No trained forecaster to save: run "RNN Studio: Forecast CSV" first.');
    }
    const model = result.forecast?.model;
    const dir = await askModelFolder(`forecast-${model ?? 'model'}-${new Date().toISOString().slice(0, 10)}`, name);
    if (!dir) return;
    await this.worker.request({ type: 'saveForecaster', dir, model });
    this.post({ type: 'modelSaved', path: dir });
    void vscode.window.showInformationMessage(`RNN Studio: saved the ${model ?? ''} forecaster to ${dir}`);
  }

  private async onPanelMessage(message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case 'cancel':
        return this.cancel();
      case 'saveModel':
        return this.saveForecaster();
      case 'exportForecastCsv':
        return this.exportCsv();
      case 'exportChart':
        return this.exportChart(message.chart, message.format, message.data);
      default:
        return; // 'ready' is the panel's; the text job's messages are not for this panel
    }
  }

  private async exportCsv(): Promise<void> {
    if (!this.result) throw new UserError('Nothing to export yet: run "RNN Studio: Forecast CSV" first.');
    const { csv, value } = this.result;
    const target = await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.file(csv.replace(/\.(csv|tsv)$/i, '') + '-forecast.csv'),
      filters: { CSV: ['csv'] },
      title: 'RNN Studio: Export forecast as CSV',
    });
    if (!target) return;
    await writeFile(target.fsPath, forecastCsv(value));
    void vscode.window.showInformationMessage(`RNN Studio: wrote ${target.fsPath}`);
  }

  private async exportChart(chart: string, format: 'svg' | 'png', data: string): Promise<void> {
    const base = this.result ? this.result.csv.replace(/\.(csv|tsv)$/i, '') : path.join(vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '', 'forecast');
    const target = await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.file(`${base}-${chart}.${format}`),
      filters: format === 'svg' ? { SVG: ['svg'] } : { PNG: ['png'] },
      title: `RNN Studio: Export chart as ${format.toUpperCase()}`,
    });
    if (!target) return;
    const png = /^data:image\/png;base64,/;
    if (format === 'png' && !png.test(data)) throw new Error('The panel sent a PNG that is not a base64 data URL.');
    await writeFile(target.fsPath, format === 'png' ? Buffer.from(data.replace(png, ''), 'base64') : data);
    void vscode.window.showInformationMessage(`RNN Studio: wrote ${target.fsPath}`);
  }

  /** One CSV read or forecast at a time; `rnnStudio.forecasting` enables Cancel. */
  private async exclusive<T>(body: () => Thenable<T>): Promise<T> {
    if (this.busy) throw new UserError('A forecast is running: cancel it (Cancel in the panel or the notification) before starting another.');
    this.busy = true;
    void vscode.commands.executeCommand('setContext', 'rnnStudio.forecasting', true);
    try {
      return await body();
    } finally {
      this.busy = false;
      void vscode.commands.executeCommand('setContext', 'rnnStudio.forecasting', false);
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
