/**
 * RNN Studio's entry point: wires commands, the panel serializers, the status bar, the
 * training worker and the one job runner both panels' jobs go through. Activation is cheap:
 * the worker (and TensorFlow.js) start on first use.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { JobRunner } from './jobs/jobRunner';
import { busyContext, pickJobToCancel, VsCodeJobUi } from './jobs/jobUi';
import { loadModelCommand, saveModelCommand } from './modelCommands';
import { readBackend, readGenerationSettings, readMaxTextBytes, readTrainingSettings, textSettingName } from './settings';
import { FORECAST_PANEL, ForecastJobController } from './forecastJobController';
import { forecastCsvCommand, forecastWithSavedModelCommand, type ForecastChoices } from './forecastCommands';
import { StatusBar } from './statusBar';
import { WorkerBackend } from './workerBackend';
import { TEXT_PANEL, TextJobController } from './textJobController';
import { readTextSource } from './textSource';
import { TrainingWorkerClient } from './trainingWorkerClient';

/** What the extension exports: lets other extensions (and the integration tests) follow runs. */
export interface RnnStudioApi {
  /** Fires with every message the text panel is sent: progress, results, errors. */
  onDidPost: TextJobController['onDidPost'];
  /** The same for the forecast panel. */
  onDidPostForecast: ForecastJobController['onDidPost'];
  /** Fires with the jobs (running first, then waiting, each with its notice) when they change. */
  onDidChangeJobs: JobRunner['onDidChange'];
}

export function activate(context: vscode.ExtensionContext): RnnStudioApi {
  const log = vscode.window.createOutputChannel('RNN Studio', { log: true });
  const distDir = vscode.Uri.joinPath(context.extensionUri, 'dist').fsPath;
  const worker = new TrainingWorkerClient({ script: path.join(distDir, 'worker.js'), wasmDir: distDir + path.sep, backend: readBackend });
  const statusBar = new StatusBar();
  const backend = new WorkerBackend(worker, statusBar);
  const jobs = new JobRunner(worker, new VsCodeJobUi(statusBar));
  const deps = { extensionUri: context.extensionUri, jobs, worker, backend, log };
  const controller = new TextJobController(deps);
  const forecaster = new ForecastJobController(deps);

  /** Runs a command body; failures become messages (in `job`'s panel) instead of unhandled rejections. */
  const command = (id: string, body: (...args: never[]) => unknown, job: { fail(error: unknown): void } = controller) =>
    vscode.commands.registerCommand(id, async (...args: never[]) => {
      try {
        await body(...args);
      } catch (error) {
        job.fail(error);
      }
    });

  /** A backend change restarts the worker once no job runs or waits. */
  let restartWhenIdle = false;
  const restartWorker = () => {
    restartWhenIdle = false;
    worker.restart(`The rnnStudio.backend setting changed to "${readBackend()}": the training worker restarted.`);
  };

  context.subscriptions.push(
    log,
    worker,
    statusBar,
    controller,
    forecaster,
    jobs.onDidChange((list) => {
      busyContext(list);
      if (restartWhenIdle && list.length === 0) restartWorker();
    }),
    command('rnnStudio.generateFromSelection', async () => {
      const editor = vscode.window.activeTextEditor;
      const source = readTextSource(editor, readMaxTextBytes());
      if (source.wholeDocument) {
        void vscode.window.showInformationMessage(`RNN Studio: nothing is selected, so the whole of ${source.label.replace(/ \(.*\)$/, '')} is used.`);
      }
      const { training, reason } = readTrainingSettings(source.text);
      await controller.train(source, training, readGenerationSettings(training.profile), reason, textSettingName);
    }),
    // From the palette: the running job, or the one picked; a script may name the side ('text', 'forecast').
    command('rnnStudio.cancelTraining', async (owner?: unknown) => {
      for (const job of await pickJobToCancel(jobs.jobs, typeof owner === 'string' ? owner : undefined)) jobs.cancel(job.id);
    }),
    command('rnnStudio.forecastCsv', (uri?: vscode.Uri, choices?: ForecastChoices) => forecastCsvCommand(forecaster, uri, choices), forecaster),
    command('rnnStudio.forecastWithSavedModel', (uri?: vscode.Uri, model?: vscode.Uri) => forecastWithSavedModelCommand(forecaster, uri, model), forecaster),
    command('rnnStudio.saveForecaster', (name?: string) => forecaster.saveForecaster(name), forecaster),
    command('rnnStudio.reopenForecastResults', () => forecaster.reopenLast(), forecaster),
    command('rnnStudio.showPanel', () => controller.showPanel()),
    command('rnnStudio.saveModel', (name?: string) => saveModelCommand(controller, name)),
    command('rnnStudio.loadModel', (folder?: vscode.Uri) => loadModelCommand(controller, folder)),
    vscode.window.registerWebviewPanelSerializer(TEXT_PANEL.viewType, {
      deserializeWebviewPanel: (panel, state: unknown) => Promise.resolve(controller.restorePanel(panel, state)),
    }),
    vscode.window.registerWebviewPanelSerializer(FORECAST_PANEL.viewType, {
      deserializeWebviewPanel: (panel, state: unknown) => Promise.resolve(forecaster.restorePanel(panel, state)),
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration('rnnStudio.backend')) return;
      if (jobs.jobs.length === 0) restartWorker();
      else restartWhenIdle = true;
    }),
  );
  return { onDidPost: controller.onDidPost, onDidPostForecast: forecaster.onDidPost, onDidChangeJobs: jobs.onDidChange };
}
