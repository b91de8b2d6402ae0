/**
 * Issue 9, case 5: a save killed with kill -9 at each point of writeFolderAtomically (a child
 * process, whose fs call at that point never returns, is killed there). After any of them the
 * next load, list or save finds the old or the new model at the target, and no stray folder is
 * left or listed.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { listModelFolders } from '../../src/core/persistence/modelFolderList';
import { buildTextModel } from '../../src/core/text/textModel';
import { loadTextModel, saveTextModel } from '../../src/core/text/textModelStore';
import { DEFAULT_TRAINING } from '../../src/core/text/textSettings';
import { trainedTextModel } from '../../src/core/text/trainedTextModel';
import { Vocabulary } from '../../src/core/text/vocabulary';

/** Where the save is killed: while its files are written, at its second rename, while it removes the old model. */
type CrashPoint = 'fill' | 'second-rename' | 'remove-old';

/**
 * The child: writeFolderAtomically(target) copying `source`, with the fs call at the crash
 * point never returning; it prints "ready" when it got there.
 */
const CHILD = `
const fsp = require('node:fs/promises');
const [modulePath, target, source, at] = process.argv.slice(1);
const hang = () => {
  process.stdout.write('ready\\n');
  setInterval(() => {}, 60_000); // alive until killed
  return new Promise(() => {});
};
let renames = 0;
const rename = fsp.rename;
fsp.rename = (...args) => (at === 'second-rename' && ++renames === 2 ? hang() : rename(...args));
const rm = fsp.rm;
fsp.rm = (file, options) => (at === 'remove-old' && file.includes('.replaced-') ? hang() : rm(file, options));
require(modulePath).writeFolderAtomically(target, 'meta.json', async (temporary) => {
  await fsp.cp(source, temporary, { recursive: true });
  if (at === 'fill') await hang();
});
`;
const ATOMIC_FOLDER = path.resolve(__dirname, '../../src/core/persistence/atomicFolder.js');

/** Starts a save of `source` into `target` that stops at `at`; resolves once it is there. */
async function saveStoppedAt(target: string, source: string, at: CrashPoint): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-e', CHILD, ATOMIC_FOLDER, target, source, at], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (data: Buffer) => data.toString().includes('ready') && resolve());
    child.on('exit', (code) => reject(new Error(`the save exited (${code}) before reaching ${at}`)));
  });
  return child;
}

async function kill(child: ChildProcess): Promise<void> {
  assert.equal(child.exitCode, null, 'the save is still running when it is killed');
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

/** A save of `source` into `target` killed with SIGKILL at `at`. */
async function crashedSave(target: string, source: string, at: CrashPoint): Promise<void> {
  await kill(await saveStoppedAt(target, source, at));
}

let root: string;
let folders = 0;
before(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'rnn-studio-crash-'));
});
after(() => rm(root, { recursive: true, force: true }));

const VOCABULARY = Vocabulary.fromText('hi how are you\ngood i am fine\nhave a nice day');

/** A fresh models folder with a text model starting generation at `firstSymbol` saved as `<folder>/<name>`. */
async function savedModel(name: string, firstSymbol: string, folder?: string): Promise<{ models: string; dir: string }> {
  const models = folder ?? path.join(root, `models-${++folders}`);
  const dir = path.join(models, name);
  const trained = trainedTextModel({
    model: buildTextModel({ cell: 'rnn', hiddenSize: 12, layers: 1, vocabularySize: VOCABULARY.size, seed: 1 }),
    vocabulary: VOCABULARY,
    training: { ...DEFAULT_TRAINING },
    mode: 'lines',
    steps: 14,
    firstSymbol,
  });
  await saveTextModel(trained, dir);
  trained.dispose();
  return { models, dir };
}

/** The names in `models` that are a save's temporary folders. */
const strays = async (models: string) => (await readdir(models)).filter((name) => /\.(saving|replaced)-/.test(name));

/** The first symbol of the model loaded from `dir`: which of the two saved models it is. */
async function firstSymbolAt(dir: string): Promise<string> {
  const loaded = await loadTextModel(dir);
  loaded.dispose();
  return loaded.firstSymbol;
}

test('5: a new save killed while writing leaves a .saving- folder that the next save removes and no list shows', async () => {
  const { dir: source } = await savedModel('new', 'g');
  const { models } = await savedModel('other', 'h');
  await crashedSave(path.join(models, 'model'), source, 'fill');
  assert.equal((await strays(models)).length, 1, 'the killed save left its folder');
  assert.deepEqual((await listModelFolders(models)).map((model) => model.name), ['other'], 'listed: only the model');
  assert.deepEqual(await strays(models), [], 'the list removed it');
  await crashedSave(path.join(models, 'model'), source, 'fill');
  await savedModel('third', 'h', models);
  assert.deepEqual(await strays(models), [], 'the next save removed it');
  assert.deepEqual((await readdir(models)).sort(), ['other', 'third']);
});

for (const next of ['load', 'list', 'save'] as const) {
  test(`5: a replacing save killed between its two renames: the next ${next} puts the old model back`, async () => {
    const { dir: source } = await savedModel('new', 'g');
    const { models, dir } = await savedModel('model', 'h');
    await crashedSave(dir, source, 'second-rename');
    assert.ok(!(await readdir(models)).includes('model'), 'killed there, the save left no model at the target');
    assert.equal((await strays(models)).length, 2);
    if (next === 'load') assert.equal(await firstSymbolAt(dir), 'h', 'the old model loads');
    if (next === 'list') assert.deepEqual((await listModelFolders(models)).map((model) => model.name), ['model']);
    if (next === 'save') await savedModel('another', 'g', models);
    assert.deepEqual(await strays(models), []);
    assert.equal(await firstSymbolAt(dir), 'h');
  });
}

test('5: a replacing save killed before it removed the old model: the new model stays, the old folder goes', async () => {
  const { dir: source } = await savedModel('new', 'g');
  const { models, dir } = await savedModel('model', 'h');
  await crashedSave(dir, source, 'remove-old');
  assert.equal((await strays(models)).length, 1);
  assert.deepEqual((await listModelFolders(models)).map((model) => model.name), ['model']);
  assert.deepEqual(await strays(models), []);
  assert.equal(await firstSymbolAt(dir), 'g', 'the new model');
});

test("5: a running save's folder is never listed, and neither a list nor another save removes it", async () => {
  const { dir: source } = await savedModel('new', 'g');
  const { models } = await savedModel('other', 'h');
  const running = await saveStoppedAt(path.join(models, 'model'), source, 'fill');
  try {
    assert.deepEqual((await listModelFolders(models)).map((model) => model.name), ['other']);
    await savedModel('third', 'h', models);
    assert.equal((await strays(models)).length, 1, 'the running save keeps its folder');
  } finally {
    await kill(running);
  }
  await listModelFolders(models);
  assert.deepEqual(await strays(models), [], 'once it is killed, the next list removes it');
});
