/**
 * The two jobs side by side inside a real VS Code (issue 7): a text training and a forecast
 * share one worker, yet Cancel stops the job it names and no other, and a job that has to
 * wait says so at once, naming the one it waits for. When the worker restarts, the panel is
 * told that the model is gone. Observed through the extension's API.
 */
import * as assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { RnnStudioApi } from '../../../src/extension/extension';
import type { JobInfo } from '../../../src/extension/jobs/jobTypes';
import type { ForecastHostMessage } from '../../../src/protocol/forecast';
import type { TextHostMessage } from '../../../src/protocol/text';

const TUTORIAL_TEXT = 'hi how are you\ngood i am fine\nhave a nice day\n';
const TUTORIAL_CHOICES = { column: 'Close', timeColumn: 'Timestamp', models: ['mlp'] };

function workspaceFile(...parts: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need a workspace folder');
  return vscode.Uri.joinPath(folder.uri, ...parts);
}

async function selectTutorialText(): Promise<void> {
  const file = workspaceFile('tmp', 'jobs-tutorial.txt');
  await mkdir(path.dirname(file.fsPath), { recursive: true });
  await writeFile(file.fsPath, TUTORIAL_TEXT);
  const editor = await vscode.window.showTextDocument(file);
  editor.selection = new vscode.Selection(new vscode.Position(0, 0), editor.document.lineAt(editor.document.lineCount - 1).range.end);
}

async function setSettings(values: Record<string, unknown>, target = vscode.ConfigurationTarget.Workspace): Promise<void> {
  const config = vscode.workspace.getConfiguration('rnnStudio');
  for (const [key, value] of Object.entries(values)) await config.update(key, value, target);
}

async function until(what: string, done: () => boolean, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!done()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

suite('Two jobs, one worker', function () {
  this.timeout(120_000);
  let text: TextHostMessage[] = [];
  let forecast: ForecastHostMessage[] = [];
  let jobs: readonly JobInfo[] = [];
  const listeners: vscode.Disposable[] = [];

  suiteSetup(async () => {
    const extension = vscode.extensions.getExtension<RnnStudioApi>('rnn-studio.rnn-studio');
    assert.ok(extension);
    const api = await extension.activate();
    listeners.push(
      api.onDidPost((m) => text.push(m)),
      api.onDidPostForecast((m) => forecast.push(m)),
      api.onDidChangeJobs((list) => (jobs = list.map((job) => ({ ...job })))),
    );
  });

  setup(() => {
    text = [];
    forecast = [];
  });

  teardown(async () => {
    await setSettings({ 'text.epochs': undefined, 'forecast.epochs': undefined, 'forecast.recipe': undefined });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  suiteTeardown(() => {
    for (const l of listeners) l.dispose();
  });

  const count = (messages: readonly { type: string }[], type: (TextHostMessage | ForecastHostMessage)['type']) => messages.filter((m) => m.type === type).length;

  test('cancelling the waiting forecast leaves the text training running; it said at once that it waits', async () => {
    await setSettings({ 'text.epochs': 100_000, 'forecast.epochs': 3 });
    await selectTutorialText();
    const training = vscode.commands.executeCommand('rnnStudio.generateFromSelection');
    await until('text progress', () => count(text, 'progress') > 0);

    const forecasting = vscode.commands.executeCommand('rnnStudio.forecastCsv', workspaceFile('prices.csv'), TUTORIAL_CHOICES);
    await until('the forecast job to be queued', () => jobs.length === 2, 5_000);
    assert.deepEqual(
      jobs.map((j) => [j.owner, j.state, j.notice]),
      [['text', 'running', undefined], ['forecast', 'waiting', 'Waiting for the text training to finish — Cancel it?']],
    );
    assert.equal(count(text, 'trainingFinished'), 0, 'the notice came while the text training runs');

    await vscode.commands.executeCommand('rnnStudio.cancelTraining', 'forecast');
    await forecasting;
    const progressAtCancel = count(text, 'progress');
    await until('more text progress after the forecast was cancelled', () => count(text, 'progress') > progressAtCancel + 3);
    assert.equal(count(text, 'trainingFinished'), 0, 'the text training still runs');
    assert.deepEqual(forecast, [], 'the forecast never ran, and nothing went wrong');

    await vscode.commands.executeCommand('rnnStudio.cancelTraining', 'text');
    await training;
    const finished = text.filter((m) => m.type === 'trainingFinished');
    assert.deepEqual(finished.map((m) => m.outcome), ['cancelled']);
    assert.deepEqual(text.filter((m) => m.type === 'error'), []);
  });

  test('cancelling the waiting text training leaves the forecast running', async () => {
    // The tutorial recipe has no early stopping: the forecast runs until cancelled.
    await setSettings({ 'forecast.epochs': 100_000, 'forecast.recipe': 'tutorial' });
    const forecasting = vscode.commands.executeCommand('rnnStudio.forecastCsv', workspaceFile('prices.csv'), TUTORIAL_CHOICES);
    await until('forecast progress', () => count(forecast, 'forecastProgress') > 0);

    await selectTutorialText();
    const training = vscode.commands.executeCommand('rnnStudio.generateFromSelection');
    await until('the text job to be queued', () => jobs.length === 2, 5_000);
    assert.deepEqual(jobs.map((j) => [j.owner, j.state]), [['forecast', 'running'], ['text', 'waiting']]);
    assert.equal(jobs[1].notice, 'Waiting for the forecast of prices.csv to finish — Cancel it?');

    await vscode.commands.executeCommand('rnnStudio.cancelTraining', 'text');
    await training;
    const progressAtCancel = count(forecast, 'forecastProgress');
    await until('more forecast progress after the text job was cancelled', () => count(forecast, 'forecastProgress') > progressAtCancel + 3);
    assert.equal(count(forecast, 'forecastFinished'), 0, 'the forecast still runs');
    assert.equal(count(text, 'trainingStarted'), 0, 'the text training never ran');

    await vscode.commands.executeCommand('rnnStudio.cancelTraining');
    await forecasting;
    const [finished] = forecast.filter((m) => m.type === 'forecastFinished');
    assert.ok(finished?.result.cancelled, 'the palette cancels the one running job');
    assert.deepEqual(jobs, []);
  });

  test('a backend change restarts the worker and tells the text panel its model is gone', async () => {
    await setSettings({ 'text.epochs': 5 });
    await selectTutorialText();
    await vscode.commands.executeCommand('rnnStudio.generateFromSelection');
    assert.equal(count(text, 'generated'), 1);
    try {
      await setSettings({ backend: 'cpu' }, vscode.ConfigurationTarget.Global);
      await until('modelReleased', () => count(text, 'modelReleased') > 0, 10_000);
      const [released] = text.filter((m) => m.type === 'modelReleased');
      assert.match(released.reason, /rnnStudio\.backend/);
      assert.match(released.reason, /Load a saved model or train again/);
    } finally {
      await setSettings({ backend: undefined }, vscode.ConfigurationTarget.Global);
    }
    assert.equal(count(text, 'modelReleased'), 1, 'no model was held the second time');
  });
});
