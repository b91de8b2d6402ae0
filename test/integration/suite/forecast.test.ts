/**
 * The forecast job inside a real VS Code: "Forecast CSV" reads the sample price file, trains,
 * and the panel is sent the series, the held-out predictions, metrics and the forecast
 * (observed through the extension's API); bad files are refused naming them; forecasters
 * save and are applied to a CSV again; Cancel stops a run.
 */
import * as assert from 'node:assert/strict';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import type { RnnStudioApi } from '../../../src/extension/extension';
import type { ForecastHostMessage as HostMessage } from '../../../src/protocol/forecast';

const TUTORIAL_CHOICES = { column: 'Close', timeColumn: 'Timestamp', models: ['mlp'] };

function workspaceFile(...parts: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need a workspace folder');
  return vscode.Uri.joinPath(folder.uri, ...parts);
}

async function setForecastSettings(values: Record<string, unknown>): Promise<void> {
  const config = vscode.workspace.getConfiguration('rnnStudio.forecast');
  for (const [key, value] of Object.entries(values)) await config.update(key, value, vscode.ConfigurationTarget.Workspace);
}

suite('Forecast CSV', function () {
  this.timeout(180_000);
  let messages: HostMessage[] = [];
  let listener: vscode.Disposable;

  suiteSetup(async () => {
    const extension = vscode.extensions.getExtension<RnnStudioApi>('rnn-studio.rnn-studio');
    assert.ok(extension);
    const api = await extension.activate();
    listener = api.onDidPostForecast((m) => messages.push(m));
  });

  setup(async () => {
    messages = [];
    await setForecastSettings({ epochs: 3 });
  });

  teardown(() => setForecastSettings({ epochs: undefined, window: undefined, test: undefined, recipe: undefined }));
  suiteTeardown(() => {
    listener.dispose();
  });

  const ofType = <T extends HostMessage['type']>(type: T) =>
    messages.filter((m): m is Extract<HostMessage, { type: T }> => m.type === type);

  test("the tutorial's recipe on prices.csv: daily means, 60 held out, 60-value windows, metrics and a 30-day forecast", async () => {
    await setForecastSettings({ recipe: 'tutorial', epochs: 3 });
    await vscode.commands.executeCommand('rnnStudio.forecastCsv', workspaceFile('prices.csv'), TUTORIAL_CHOICES);
    assert.deepEqual(ofType('error'), []);
    const [started] = ofType('forecastStarted');
    assert.equal(started.ingest.points, 540);
    assert.equal(started.ingest.rowsSkipped, 232, 'NaN rows are counted and skipped');
    assert.deepEqual([started.split.trainPoints, started.split.testPoints, started.split.windows], [480, 60, 420]);
    assert.deepEqual(ofType('forecastProgress').flatMap((p) => p.points.map((x) => x.epoch)), [1, 2, 3]);
    const [{ result }] = ofType('forecastFinished');
    assert.equal(result.heldOut.t.length, 60);
    assert.equal(result.models[0].predicted.length, 60);
    assert.ok(Number.isFinite(result.models[0].metrics.mae) && result.baselines.every((b) => Number.isFinite(b.metrics.mae)));
    assert.deepEqual(result.baselines.map((b) => b.name), ['persistence', 'seasonalNaive'], 'daily: the last value and the same day last week');
    assert.equal(result.leaderboard.length, 3, 'the model and the two baselines');
    assert.equal(result.forecast?.t.length, 30);
    assert.equal(result.forecast.t[0] - result.series.t[539], 86_400_000, 'the forecast continues the daily axis');
  });

  test('compare models: several presets give a leaderboard with both baselines', async () => {
    await vscode.commands.executeCommand('rnnStudio.forecastCsv', workspaceFile('prices.csv'), { ...TUTORIAL_CHOICES, models: ['mlp', 'gru'] });
    const [{ result }] = ofType('forecastFinished');
    assert.deepEqual(result.models.map((m) => m.name), ['mlp', 'gru']);
    assert.deepEqual(result.leaderboard.map((e) => e.rank), [1, 2, 3, 4], 'two models and two baselines');
    assert.deepEqual(result.leaderboard.filter((e) => e.baseline).map((e) => e.name).sort(), ['persistence', 'seasonalNaive']);
    // Before the end: the series (no model) before the first epoch, then each model as it is done.
    const order = messages.map((m) => m.type).filter((t) => t === 'forecastSeries' || t === 'forecastModelDone' || t === 'forecastProgress' || t === 'forecastFinished');
    assert.equal(order[0], 'forecastSeries', `the series before any epoch: ${order.join(', ')}`);
    assert.deepEqual(ofType('forecastSeries').map((m) => [m.result.models.length, m.result.seriesPoints]), [[0, 540]]);
    assert.deepEqual(ofType('forecastModelDone').map((m) => [m.modelIndex, m.result.models.map((x) => x.name)]), [[0, ['mlp']], [1, ['mlp', 'gru']]]);
    assert.ok(order.indexOf('forecastModelDone') < order.lastIndexOf('forecastProgress'), "the MLP's results come before the GRU has trained");
    assert.deepEqual(ofType('forecastStarted')[0].settings?.models, ['mlp', 'gru'], 'the settings it ran with, for the form');
  });

  test('a binary file renamed .csv and a header-only file are refused, naming the file', async () => {
    const dir = workspaceFile('tmp');
    await mkdir(dir.fsPath, { recursive: true });
    const binary = vscode.Uri.joinPath(dir, 'image.csv');
    await writeFile(binary.fsPath, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    await vscode.commands.executeCommand('rnnStudio.forecastCsv', binary, TUTORIAL_CHOICES);
    const headerOnly = vscode.Uri.joinPath(dir, 'header.csv');
    await writeFile(headerOnly.fsPath, 'Timestamp,Close\n');
    await vscode.commands.executeCommand('rnnStudio.forecastCsv', headerOnly, TUTORIAL_CHOICES);
    const errors = ofType('error').map((e) => e.message);
    assert.equal(errors.length, 2, JSON.stringify(errors));
    assert.match(errors[0], /image\.csv/);
    assert.match(errors[1], /header\.csv/);
    assert.deepEqual(ofType('forecastStarted'), []);
  });

  test('too short a series for window + test is refused, naming the settings', async () => {
    await setForecastSettings({ window: 400, test: 200 });
    await vscode.commands.executeCommand('rnnStudio.forecastCsv', workspaceFile('prices.csv'), TUTORIAL_CHOICES);
    const [error] = ofType('error');
    assert.ok(error, 'an error is reported');
    assert.match(error.message, /window|test/i);
    assert.deepEqual(ofType('forecastFinished'), []);
  });

  test('Save Forecast Model, then Forecast with Saved Model applies it without training', async () => {
    await vscode.commands.executeCommand('rnnStudio.forecastCsv', workspaceFile('prices.csv'), TUTORIAL_CHOICES);
    const dir = workspaceFile('.rnn-studio', 'models', 'prices-mlp');
    await rm(dir.fsPath, { recursive: true, force: true });
    await vscode.commands.executeCommand('rnnStudio.saveForecaster', 'prices-mlp');
    assert.deepEqual((await readdir(dir.fsPath)).sort(), ['meta.json', 'model.json', 'weights.bin']);
    const trained = ofType('forecastFinished')[0].result;

    messages = [];
    await vscode.commands.executeCommand('rnnStudio.forecastWithSavedModel', workspaceFile('prices.csv'), dir);
    assert.deepEqual(ofType('error'), []);
    const [{ result }] = ofType('forecastFinished');
    assert.equal(result.models[0].loadedFrom, dir.fsPath);
    assert.equal(result.models[0].epochsRun, 0);
    assert.deepEqual(result.models[0].predicted, trained.models[0].predicted, 'the saved model predicts as the trained one');
  });

  test('a finished run is kept in .rnn-studio/runs/; after the panel is closed, Reopen Last Forecast Results shows it again without training', async () => {
    const runs = workspaceFile('.rnn-studio', 'runs');
    await rm(runs.fsPath, { recursive: true, force: true });
    await vscode.commands.executeCommand('rnnStudio.forecastCsv', workspaceFile('prices.csv'), TUTORIAL_CHOICES);
    assert.deepEqual(ofType('error'), []);
    const files = await readdir(runs.fsPath);
    assert.equal(files.length, 1);
    assert.match(files[0], /^\d{8}T\d{9}Z-prices-[a-z0-9]{6}\.json$/);
    const kept = JSON.parse(await readFile(vscode.Uri.joinPath(runs, files[0]).fsPath, 'utf8')) as { csv: string; settings: { models: string[] }; result: { forecast: { value: number[] } } };
    assert.equal(kept.csv, 'prices.csv', 'relative to the workspace folder');
    assert.deepEqual(kept.settings.models, ['mlp']);
    const [{ result: trained }] = ofType('forecastFinished');
    assert.deepEqual(kept.result.forecast.value, trained.forecast?.value);
    const [listed] = ofType('runHistory');
    assert.equal(listed.runs[0].id, files[0].replace(/\.json$/, ''));

    const forecastTabs = () =>
      vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('rnnStudio.forecastPanel'));
    assert.equal(forecastTabs().length, 1);
    await vscode.window.tabGroups.close(forecastTabs());
    for (let waited = 0; forecastTabs().length > 0 && waited < 5000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    assert.equal(forecastTabs().length, 0);

    messages = [];
    await vscode.commands.executeCommand('rnnStudio.reopenForecastResults');
    assert.deepEqual(ofType('error'), []);
    // The workbench tells the extension host of a new tab a moment later.
    for (let waited = 0; forecastTabs().length === 0 && waited < 5000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    assert.equal(forecastTabs().length, 1, 'the panel is open again');
    assert.deepEqual(ofType('forecastStarted'), [], 'nothing trains');
    const [{ result, runId }] = ofType('forecastFinished');
    assert.deepEqual(result.forecast?.value, trained.forecast?.value);
    assert.deepEqual(result.leaderboard.map((e) => e.name), trained.leaderboard.map((e) => e.name));
    // The worker still holds this run's forecasters (it is the last one trained): Save stays on.
    assert.deepEqual(ofType('modelReleased'), []);
    const [reopened] = ofType('runHistory');
    assert.deepEqual(reopened.shown, { id: listed.runs[0].id, runId });

    // A newer kept run (a copy, as from another session): its forecasters are not held, so Save is off and says why.
    const other = '20990101T000000000Z-prices-zzzzzz';
    const copy = { ...(JSON.parse(await readFile(vscode.Uri.joinPath(runs, files[0]).fsPath, 'utf8')) as object), id: other };
    await writeFile(vscode.Uri.joinPath(runs, `${other}.json`).fsPath, JSON.stringify(copy));
    messages = [];
    await vscode.commands.executeCommand('rnnStudio.reopenForecastResults');
    const [released] = ofType('modelReleased');
    assert.match(released.reason, /not held/);
    assert.equal(ofType('runHistory')[0].shown?.id, other);
  });

  test('Reopen Last Forecast Results without kept runs says so and opens nothing', async () => {
    const runs = workspaceFile('.rnn-studio', 'runs');
    await rm(runs.fsPath, { recursive: true, force: true });
    messages = [];
    await vscode.commands.executeCommand('rnnStudio.reopenForecastResults');
    assert.deepEqual(ofType('forecastFinished'), []);
    assert.deepEqual(ofType('error'), []);
  });

  test('Cancel Training stops a long forecast run and keeps what was learned', async () => {
    await setForecastSettings({ epochs: 100_000 });
    const run = vscode.commands.executeCommand('rnnStudio.forecastCsv', workspaceFile('prices.csv'), TUTORIAL_CHOICES);
    while (ofType('forecastProgress').length === 0) await new Promise((r) => setTimeout(r, 20));
    await vscode.commands.executeCommand('rnnStudio.cancelTraining');
    await run;
    const [{ result }] = ofType('forecastFinished');
    assert.ok(result.cancelled);
    assert.ok(result.models[0].epochsRun < 100_000);
  });
});
