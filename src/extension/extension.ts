/**
 * RNN Studio's entry point: wires commands, the panel serializer, the status bar and the
 * training worker. Activation is cheap: the worker (and TensorFlow.js) start on first use.
 */
import * as vscode from 'vscode';
import { loadModelCommand, saveModelCommand } from './modelCommands';
import { readBackend, readGenerationSettings, readMaxTextBytes, readTrainingSettings } from './settings';
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
}

export function activate(context: vscode.ExtensionContext): RnnStudioApi {
  const log = vscode.window.createOutputChannel('RNN Studio', { log: true });
  const distDir = vscode.Uri.joinPath(context.extensionUri, 'dist').fsPath;
  const worker = new TrainingWorkerClient(distDir, readBackend);
  const statusBar = new StatusBar();
  const backend = new WorkerBackend(worker, statusBar);
  const controller = new TextJobController(context.extensionUri, worker, backend, statusBar, log);
  const forecaster = new ForecastJobController(context.extensionUri, worker, backend, statusBar, log);

  /** Runs a command body; failures become messages (in `job`'s panel) instead of unhandled rejections. */
  const command = (id: string, body: (...args: never[]) => unknown, job: { fail(error: unknown): void } = controller) =>
    vscode.commands.registerCommand(id, async (...args: never[]) => {
      try {
        await body(...args);
      } catch (error) {
        job.fail(error);
      }
    });

  context.subscriptions.push(
    log,
    worker,
    statusBar,
    controller,
    command('rnnStudio.generateFromSelection', async () => {
      const editor = vscode.window.activeTextEditor;
      const source = readTextSource(editor, readMaxTextBytes());
      if (source.wholeDocument) {
        void vscode.window.showInformationMessage(`RNN Studio: nothing is selected, so the whole of ${source.label.replace(/ \(.*\)$/, '')} is used.`);
      }
      await controller.train(source, readTrainingSettings(), readGenerationSettings());
    }),
    command('rnnStudio.cancelTraining', () => {
      controller.cancel();
      forecaster.cancel();
    }),
    forecaster,
    command('rnnStudio.forecastCsv', (uri?: vscode.Uri, choices?: ForecastChoices) => forecastCsvCommand(forecaster, uri, choices), forecaster),
    command('rnnStudio.forecastWithSavedModel', (uri?: vscode.Uri, model?: vscode.Uri) => forecastWithSavedModelCommand(forecaster, uri, model), forecaster),
    command('rnnStudio.saveForecaster', (name?: string) => forecaster.saveForecaster(name), forecaster),
    command('rnnStudio.showPanel', () => controller.showPanel()),
    command('rnnStudio.saveModel', (name?: string) => saveModelCommand(controller, name)),
    command('rnnStudio.loadModel', (folder?: vscode.Uri) => loadModelCommand(controller, folder)),
    vscode.window.registerWebviewPanelSerializer(TEXT_PANEL.viewType, {
      deserializeWebviewPanel: async (panel, state: unknown) => controller.restorePanel(panel, state),
    }),
    vscode.window.registerWebviewPanelSerializer(FORECAST_PANEL.viewType, {
      deserializeWebviewPanel: async (panel, state: unknown) => forecaster.restorePanel(panel, state),
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('rnnStudio.backend') && !controller.isTraining && !forecaster.isBusy) {
        worker.restart();
        backend.reset();
        controller.forgetModel();
      }
    }),
  );
  return { onDidPost: controller.onDidPost, onDidPostForecast: forecaster.onDidPost };
}
