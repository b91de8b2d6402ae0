/**
 * The text job inside a real VS Code: the command trains on the selection and the panel is
 * told the progress and the generated text (observed through the extension's API), bad input
 * is refused with a message naming it, and models save and load in the workspace.
 */
import * as assert from 'node:assert/strict';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { RnnStudioApi } from '../../../src/extension/extension';
import type { TextHostMessage as HostMessage } from '../../../src/protocol/text';

const TUTORIAL_TEXT = 'hi how are you\ngood i am fine\nhave a nice day\n';

function workspaceDir(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need a workspace folder');
  return folder.uri.fsPath;
}

async function setSettings(values: Record<string, unknown>): Promise<void> {
  const config = vscode.workspace.getConfiguration('rnnStudio');
  for (const [key, value] of Object.entries(values)) {
    await config.update(key, value, vscode.ConfigurationTarget.Workspace);
  }
}

/** Opens a new file with `text` in the workspace and selects all of it (or nothing). */
async function editorWith(name: string, text: string, selectAll = true): Promise<vscode.TextEditor> {
  const file = path.join(workspaceDir(), 'tmp', name);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
  const editor = await vscode.window.showTextDocument(vscode.Uri.file(file));
  const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
  editor.selection = selectAll ? new vscode.Selection(new vscode.Position(0, 0), end) : new vscode.Selection(end, end);
  return editor;
}

suite('Generate Text from Selection', function () {
  this.timeout(120_000);
  let api: RnnStudioApi;
  let messages: HostMessage[] = [];
  let listener: vscode.Disposable;

  suiteSetup(async () => {
    const extension = vscode.extensions.getExtension<RnnStudioApi>('rnn-studio.rnn-studio');
    assert.ok(extension, 'the extension is installed');
    api = await extension.activate();
    listener = api.onDidPost((m) => messages.push(m));
  });

  setup(() => {
    messages = [];
  });

  teardown(async () => {
    await setSettings({
      'text.epochs': undefined,
      'text.hiddenSize': undefined,
      'generate.prompt': undefined,
      'generate.length': undefined,
      maxTextSizeMB: undefined,
    });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  suiteTeardown(() => {
    listener.dispose();
  });

  const ofType = <T extends HostMessage['type']>(type: T) =>
    messages.filter((m): m is Extract<HostMessage, { type: T }> => m.type === type);

  test('tutorial parity: the three sentences, prompt "good" -> "good i am fine "', async () => {
    await setSettings({ 'generate.prompt': 'good', 'generate.length': 15 });
    await editorWith('tutorial.txt', TUTORIAL_TEXT);
    await vscode.commands.executeCommand('rnnStudio.generateFromSelection');

    assert.deepEqual(ofType('error'), []);
    const [backend] = ofType('backend');
    assert.ok(backend, 'the backend is announced');
    const [started] = ofType('trainingStarted');
    assert.equal(started.mode, 'lines');
    assert.equal(started.vocabularySize, 17);
    assert.equal(started.sequences, 3);
    const points = ofType('progress').flatMap((p) => p.points);
    assert.deepEqual(points.map((p) => p.epoch), Array.from({ length: 100 }, (_, i) => i + 1));
    const [finished] = ofType('trainingFinished');
    assert.equal(finished.outcome, 'completed');
    assert.ok(finished.finalLoss < 0.5, `final loss ${finished.finalLoss} < 0.5`);
    assert.deepEqual(ofType('generated').map((g) => g.text), ['good i am fine ']);
  });

  test('an empty document is refused, naming the file, and nothing trains', async () => {
    await editorWith('empty.txt', '', false);
    await vscode.commands.executeCommand('rnnStudio.generateFromSelection');
    const [error] = ofType('error');
    assert.match(error.message, /empty\.txt is empty/);
    assert.deepEqual(ofType('trainingStarted'), []);
  });

  test('a one-character text is refused', async () => {
    await editorWith('one.txt', 'x');
    await vscode.commands.executeCommand('rnnStudio.generateFromSelection');
    assert.equal(ofType('error').length, 1, JSON.stringify(messages));
    assert.deepEqual(ofType('trainingStarted'), []);
  });

  test('a prompt with unknown characters names them', async () => {
    await setSettings({ 'generate.prompt': 'good 🙂Z', 'text.epochs': 2 });
    await editorWith('tutorial.txt', TUTORIAL_TEXT);
    await vscode.commands.executeCommand('rnnStudio.generateFromSelection');
    const [error] = ofType('error');
    assert.ok(error, 'an error is reported');
    assert.match(error.message, /🙂/);
    assert.match(error.message, /Z/);
    assert.deepEqual(ofType('trainingStarted'), [], 'refused before training');
  });

  test('a non-numeric setting is refused, naming it', async () => {
    await setSettings({ 'text.hiddenSize': 'twelve' });
    await editorWith('tutorial.txt', TUTORIAL_TEXT);
    await vscode.commands.executeCommand('rnnStudio.generateFromSelection');
    const [error] = ofType('error');
    assert.match(error.message, /rnnStudio\.text\.hiddenSize/);
    assert.deepEqual(ofType('trainingStarted'), []);
  });

  test('a text over rnnStudio.maxTextSizeMB is refused', async () => {
    await setSettings({ maxTextSizeMB: 0.00001 });
    await editorWith('tutorial.txt', TUTORIAL_TEXT);
    await vscode.commands.executeCommand('rnnStudio.generateFromSelection');
    const [error] = ofType('error');
    assert.ok(error, 'an error is reported');
    assert.deepEqual(ofType('trainingStarted'), []);
  });

  test('Cancel Training stops a long run within moments', async () => {
    await setSettings({ 'text.epochs': 100_000 });
    await editorWith('tutorial.txt', TUTORIAL_TEXT);
    const run = vscode.commands.executeCommand('rnnStudio.generateFromSelection');
    while (ofType('progress').length === 0) await new Promise((r) => setTimeout(r, 20));
    await vscode.commands.executeCommand('rnnStudio.cancelTraining');
    await run;
    const [finished] = ofType('trainingFinished');
    assert.equal(finished.outcome, 'cancelled');
    assert.ok(finished.epochsRun < 100_000);
  });

  test('Save Model writes model.json, weights.bin and meta.json; Load Model generates the same text', async () => {
    await setSettings({ 'generate.prompt': 'good', 'generate.length': 15 });
    await editorWith('tutorial.txt', TUTORIAL_TEXT);
    await vscode.commands.executeCommand('rnnStudio.generateFromSelection');
    const dir = path.join(workspaceDir(), '.rnn-studio', 'models', 'tutorial-test');
    await rm(dir, { recursive: true, force: true });
    await vscode.commands.executeCommand('rnnStudio.saveModel', 'tutorial-test');
    assert.deepEqual((await readdir(dir)).sort(), ['meta.json', 'model.json', 'weights.bin']);
    const meta = JSON.parse(await readFile(path.join(dir, 'meta.json'), 'utf8')) as { vocabulary: string[] };
    assert.equal(meta.vocabulary.length, 17);

    messages = [];
    await vscode.commands.executeCommand('rnnStudio.loadModel', vscode.Uri.file(dir));
    assert.deepEqual(ofType('error'), []);
    assert.equal(ofType('modelLoaded')[0]?.vocabularySize, 17);
    assert.deepEqual(ofType('generated').map((g) => g.text), ['good i am fine ']);
  });

  test('Load Model refuses a corrupt folder with a message naming it', async () => {
    const dir = path.join(workspaceDir(), '.rnn-studio', 'models', 'corrupt');
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'model.json'), '{ not json');
    await writeFile(path.join(dir, 'meta.json'), '{}');
    await vscode.commands.executeCommand('rnnStudio.loadModel', vscode.Uri.file(dir));
    const [error] = ofType('error');
    assert.ok(error, 'an error is reported');
    assert.match(error.message, /corrupt/);
    assert.deepEqual(ofType('modelLoaded'), []);
  });
});
