/**
 * The forecast job as the user meets it: read the CSV (cancellable, with progress), train the
 * picked models with live loss curves in the forecast panel, then show the plots, metrics and
 * leaderboard; export the forecast or a chart, and save the forecaster. Its jobs run on the
 * shared job runner.
 */
import { writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CsvOverview } from '../core/csv/csvOverview';
import { forecastCsv } from '../core/forecast/forecastCsv';
import type { ForecastJobResult } from '../core/forecast/forecastResult';
import type { ForecastSettings } from '../core/forecast/forecastSettings';
import { validateForecastSettings } from '../core/forecast/forecastSettingsValidation';
import { UserError } from '../core/userError';
import { FORECAST_PROTOCOL, type ForecastHostMessage, type ForecastWebviewMessage } from '../protocol/forecast';
import { RUN_SETTING_LABELS, runSettingsOf, type RunRequest, type RunSettings } from '../protocol/forecastRunSettings';
import type { ForecastState } from '../protocol/forecastState';
import { ForecastHistory, type KeptRun } from './forecastHistory';
import { renderPanelHtml } from './panelHtml';
import { checkCsvThere, rerunOfRecord, rerunOfState, shownKeptRun, type RerunSource } from './rerunSource';
import { forecastSettingName, readForecastSettings } from './settings';
import { runForecast } from './forecastRun';
import { askModelFolder } from './modelCommands';
import { PanelJobController, type JobControllerDeps } from './panelJobController';
import type { PanelKind } from './studioPanel';

export const FORECAST_PANEL: PanelKind<ForecastHostMessage, ForecastWebviewMessage, ForecastState> = {
  viewType: 'rnnStudio.forecastPanel',
  title: 'RNN Studio — Forecast',
  script: 'forecastWebview.js',
  render: (options, asset) => renderPanelHtml({ ...options, extraStyleUris: [asset('media', 'forecast.css')] }),
  protocol: FORECAST_PROTOCOL,
};

/** The form's settings of a kept run (undefined when they no longer validate, e.g. kept by an older version: the form then shows the defaults). */
function formSettings(settings: Partial<ForecastSettings>): RunSettings | undefined {
  try {
    return runSettingsOf(validateForecastSettings(settings));
  } catch {
    return undefined;
  }
}

export class ForecastJobController extends PanelJobController<ForecastHostMessage, ForecastWebviewMessage, ForecastState> {
  private result: { csv: string; value: ForecastJobResult } | undefined;
  /** The last run asked for: the panel's Run reruns its CSV with its column and time column (after a reload: found from the restored panel's state). */
  private lastRun: RerunSource | undefined;
  /** Whether the worker holds the trained forecasters of `result` (for Save). */
  private staged = false;
  protected readonly whenReleased = 'Its trained forecasters are gone: run "RNN Studio: Forecast CSV" again to save one.';
  /** The runs kept in the workspace; the kept id of the run whose forecasters the worker holds, and of the one the panel shows (undefined: the last run). */
  private readonly history: ForecastHistory;
  private heldRun: string | undefined;
  private shownRun: string | undefined;
  /** A forecast job of this panel runs (a kept run is not shown over it). */
  private running = false;

  constructor(deps: JobControllerDeps) {
    super(FORECAST_PANEL, 'forecast', deps);
    this.history = new ForecastHistory(deps.log);
  }

  protected holdsModel(): boolean {
    return this.staged;
  }

  protected forgetModel(): void {
    this.setStaged(false);
  }

  private setStaged(staged: boolean): void {
    this.staged = staged;
    void vscode.commands.executeCommand('setContext', 'rnnStudio.hasForecaster', staged);
  }

  /** Reads the whole CSV once (after the job running now, if any), for the column picks. */
  summarize(csv: string, timeColumn?: string | null): Promise<CsvOverview> {
    const file = path.basename(csv);
    return this.runJob(`the reading of ${file}`, `RNN Studio: reading ${file}`, async (job) => {
      await this.backend.ensure();
      return job.request({ type: 'summarizeCsv', file: csv, timeColumn }, (event) => {
        if (event.type !== 'ingest' || event.totalBytes === 0) return;
        job.report({ message: `${event.rows.toLocaleString('en')} rows`, done: event.bytesRead / event.totalBytes });
      });
    });
  }

  /** Runs the job: trains `settings.models` (or applies the saved model in `load`) on `csv`. */
  forecast(csv: string, settings: Partial<ForecastSettings>, load?: string): Promise<ForecastJobResult> {
    const file = path.basename(csv);
    const title = `RNN Studio: ${load ? 'forecasting' : 'training forecasters on'} ${file}`;
    this.showPanel(); // first: its progress shows there, not in a notification
    this.lastRun = { csv, settings }; // Run trains on this CSV again (also after a saved model was applied to it)
    return this.runJob(`the forecast of ${file}`, title, async (job) => {
      const runId = ++this.runId;
      const startedAt = new Date();
      this.running = true;
      this.setStaged(false); // the worker drops the last run's forecasters as this one starts
      try {
        this.post({ type: 'backend', backend: await this.backend.ensure() });
        const result = await runForecast(job, runId, csv, settings, load, (message) => this.post(message));
        this.result = { csv, value: result };
        // The column and time column it read: a rerun reads the same ones.
        if (this.lastRun?.csv === csv) this.lastRun.settings = { ...this.lastRun.settings, column: result.ingest.column, timeColumn: result.ingest.timeColumn };
        this.setStaged(result.models.some((m) => m.savedTo));
        this.post({ type: 'forecastFinished', runId, result });
        const kept = await this.history.keep(csv, settings, load, result, startedAt);
        this.heldRun = kept;
        this.shownRun = undefined;
        await this.postRuns(kept ? { id: kept, runId } : undefined);
        return result;
      } finally {
        this.running = false;
      }
    });
  }

  /** Tells the panel the workspace's kept runs. */
  private async postRuns(shown?: { id: string; runId: number }): Promise<void> {
    this.post(await this.history.message(shown));
  }

  /** Shows the kept run `id` in the panel (no training; Save is off unless the worker holds its forecasters). */
  async openRun(id: string): Promise<void> {
    if (this.running) throw new UserError('A forecast is running in this panel: wait for it to finish (or cancel it) to show a kept run.');
    const { record, csv } = await this.history.read(id);
    const runId = ++this.runId;
    this.showPanel();
    this.result = { csv, value: record.result };
    this.shownRun = id;
    // The panel's Run then trains on this run's CSV, its column and time column, its settings.
    this.lastRun = rerunOfRecord(record, csv);
    this.post({ type: 'forecastFinished', runId, result: record.result, settings: formSettings(this.lastRun.settings) });
    if (!this.staged || id !== this.heldRun) {
      this.post({ type: 'modelReleased', reason: `Reopened from .rnn-studio/runs/: the trained model of this run is not held. Run "RNN Studio: Forecast CSV" again to save one.` });
    }
    await this.postRuns({ id, runId });
  }

  /** "Reopen Last Forecast Results": the newest kept run in the panel, or a message saying there is none. */
  async reopenLast(): Promise<void> {
    const id = await this.history.newest();
    if (id === undefined) {
      const where = vscode.workspace.workspaceFolders?.length ? 'in this workspace (.rnn-studio/runs/)' : 'without a workspace folder';
      void vscode.window.showInformationMessage(`RNN Studio: no forecast runs are kept ${where}. Run "RNN Studio: Forecast CSV" first.`);
      return;
    }
    await this.openRun(id);
  }

  /** Asks where, then saves the forecaster that made the forecast (or `model`). */
  async saveForecaster(name?: string): Promise<void> {
    if (!this.staged) throw new UserError('No trained forecaster to save: run "RNN Studio: Forecast CSV" first.');
    if (this.shownRun !== undefined && this.shownRun !== this.heldRun) throw new UserError('The panel shows a kept run whose trained model is not held: run "RNN Studio: Forecast CSV" again to save one.');
    const model = this.result?.value.forecast?.model;
    const dir = await askModelFolder(`forecast-${model ?? 'model'}-${new Date().toISOString().slice(0, 10)}`, name);
    if (!dir) return;
    await this.runJob('saving the forecaster', undefined, (job) => job.request({ type: 'saveForecaster', dir, model }));
    this.post({ type: 'modelSaved', path: dir });
    void vscode.window.showInformationMessage(`RNN Studio: saved the ${model ?? ''} forecaster to ${dir}`);
  }

  protected async onPanelMessage(message: ForecastWebviewMessage): Promise<void> {
    switch (message.type) {
      case 'saveModel':
        return this.saveForecaster();
      case 'exportForecastCsv':
        return this.exportCsv();
      case 'exportChart':
        return this.exportChart(message.chart, message.format, message.data);
      case 'openRun':
        return this.openRun(message.id);
      case 'runForecast':
        return this.rerun(message.settings);
      default:
        return; // 'ready' is the panel's; the text job's messages are not for this panel
    }
  }

  /** The panel's Run (or a suggestion's Try it): the last CSV again with the form's settings, checked, naming a bad field as the form does. */
  private async rerun(request: RunRequest): Promise<void> {
    const source = this.lastRun ?? (await this.restoredRun());
    if (!source) {
      throw new UserError('This panel has not read a CSV yet (VS Code reloaded before it did): run "RNN Studio: Forecast CSV" on it, or "RNN Studio: Reopen Last Forecast Results", then Run.');
    }
    const { csv, settings } = source;
    await checkCsvThere(csv);
    const given = Object.fromEntries(Object.entries(request).filter(([, value]) => value !== undefined));
    const checked = validateForecastSettings({ ...settings, ...given }, (key) => RUN_SETTING_LABELS[key as keyof RunRequest] ?? forecastSettingName(key));
    await this.forecast(csv, checked);
  }

  /**
   * After a reload, the run the restored panel shows (its state is all the new host has): its
   * kept run's record when it shows one that can still be read, else what its state says.
   */
  private async restoredRun(): Promise<RerunSource | undefined> {
    const read = await this.restoredKeptRun();
    // Unreadable now (deleted, another workspace folder): the state still names the CSV.
    return read ? rerunOfRecord(read.record, read.csv) : rerunOfState(this.panels.state, readForecastSettings());
  }

  /** After a reload, the kept run the restored panel shows, read from .rnn-studio/runs/ (undefined when it shows none or it cannot be read). */
  private async restoredKeptRun(): Promise<KeptRun | undefined> {
    const kept = shownKeptRun(this.panels.state);
    return kept === undefined ? undefined : this.history.read(kept).catch(() => undefined);
  }

  /** The result the panel shows: the last one this host made or opened, else (after a reload) the restored panel's kept run. */
  private async shownResult(): Promise<{ csv: string; value: ForecastJobResult }> {
    if (this.result) return this.result;
    const read = await this.restoredKeptRun();
    if (read) return { csv: read.csv, value: read.record.result };
    if (this.panels.state?.result) {
      throw new UserError('This panel was restored after a reload and its run is not kept in .rnn-studio/runs/ (setting rnnStudio.forecast.keepRuns, or the run file was deleted): press Run to train it again, then export.');
    }
    throw new UserError('Nothing to export yet: run "RNN Studio: Forecast CSV" first.');
  }

  private async exportCsv(): Promise<void> {
    const { csv, value } = await this.shownResult();
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
    const shown = await this.shownResult().catch(() => undefined);
    const base = shown ? shown.csv.replace(/\.(csv|tsv)$/i, '') : path.join(vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '', 'forecast');
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
}
