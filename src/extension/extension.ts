/**
 * RNN Studio's entry point: wires commands, the panel serializer, the status bar and the
 * training worker. Activation is cheap: the worker (and TensorFlow.js) start on first use.
 */
import * as vscode from 'vscode';
import { loadModelCommand, saveModelCommand } from './modelCommands';
import { readBackend, readGenerationSettings, readMaxTextBytes, readTrainingSettings } from './settings';
import { StatusBar } from './statusBar';
import { TEXT_PANEL, TextJobController } from './textJobController';
import { readTextSource } from './textSource';
import { TrainingWorkerClient } from './trainingWorkerClient';

/** What the extension exports: lets other extensions (and the integration tests) follow runs. */
export interface RnnStudioApi {
  /** Fires with every message the panel is sent: progress, results, errors. */
  onDidPost: TextJobController['onDidPost'];
}

export function activate(context: vscode.ExtensionContext): RnnStudioApi {
  const log = vscode.window.createOutputChannel('RNN Studio', { log: true });
  const distDir = vscode.Uri.joinPath(context.extensionUri, 'dist').fsPath;
  const worker = new TrainingWorkerClient(distDir, readBackend);
  const statusBar = new StatusBar();
  const controller = new TextJobController(context.extensionUri, worker, statusBar, log);

  /** Runs a command body; failures become messages instead of unhandled rejections. */
  const command = (id: string, body: (...args: never[]) => unknown) =>
    vscode.commands.registerCommand(id, async (...args: never[]) => {
      try {
        await body(...args);
      } catch (error) {
        controller.fail(error);
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
    command('rnnStudio.cancelTraining', () => controller.cancel()),
    command('rnnStudio.showPanel', () => controller.showPanel()),
    command('rnnStudio.saveModel', (name?: string) => saveModelCommand(controller, name)),
    command('rnnStudio.loadModel', (folder?: vscode.Uri) => loadModelCommand(controller, folder)),
    vscode.window.registerWebviewPanelSerializer(TEXT_PANEL.viewType, {
      deserializeWebviewPanel: async (panel) => controller.restorePanel(panel),
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('rnnStudio.backend') && !controller.isTraining) {
        worker.restart();
        controller.resetBackend();
      }
    }),
  );
  return { onDidPost: controller.onDidPost };
}
