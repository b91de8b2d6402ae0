import * as tf from '@tensorflow/tfjs';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { copyModelFolder } from '../../src/core/persistence/modelFolder';
import { loadTextModel, saveTextModel, type TextModelMeta } from '../../src/core/text/textModelStore';
import { generateText } from '../../src/core/text/textGeneration';
import { PROFILE_GENERATION, PROFILE_TRAINING } from '../../src/core/text/textProfiles';
import { DEFAULT_GENERATION, DEFAULT_TRAINING } from '../../src/core/text/textSettings';
import { trainTextModel, type TrainedTextModel } from '../../src/core/text/textTraining';
import { UserError } from '../../src/core/userError';
import { TUTORIAL_TEXT, useWasm } from './support/wasm';

let trained: TrainedTextModel;
let root: string;

before(async () => {
  await useWasm();
  trained = (await trainTextModel(TUTORIAL_TEXT, { ...DEFAULT_TRAINING, cell: 'gru', epochs: 30 })).trained;
  root = await mkdtemp(path.join(tmpdir(), 'rnn-studio-store-'));
});
after(async () => {
  trained.dispose();
  await rm(root, { recursive: true, force: true });
});

let folders = 0;
/** A fresh folder path under the test root, with a model saved in it. */
async function savedModel(): Promise<string> {
  const dir = path.join(root, `model-${++folders}`);
  await saveTextModel(trained, dir);
  return dir;
}

const contents = async (dir: string) =>
  Object.fromEntries(await Promise.all((await readdir(dir)).map(async (name): Promise<[string, Buffer]> => [name, await readFile(path.join(dir, name))])));

test('save -> load gives the same model: same generated text, same metadata', async () => {
  const dir = await savedModel();
  assert.deepEqual((await readdir(dir)).sort(), ['meta.json', 'model.json', 'weights.bin']);
  const meta = JSON.parse(await readFile(path.join(dir, 'meta.json'), 'utf8')) as TextModelMeta;
  assert.equal(meta.format, 'rnn-studio/text-model');
  assert.equal(meta.version, 1);
  assert.equal(meta.finalLoss, trained.finalLoss);
  const tensorsBefore = tf.memory().numTensors;
  const loaded = await loadTextModel(dir);
  try {
    assert.deepEqual(loaded.vocabulary.symbols, trained.vocabulary.symbols);
    assert.deepEqual(loaded.training, trained.training);
    assert.equal(loaded.mode, 'lines');
    assert.equal(loaded.steps, 14);
    assert.equal(loaded.firstSymbol, 'h');
    for (const generation of [
      { ...DEFAULT_GENERATION, prompt: 'good', length: 15 },
      { ...DEFAULT_GENERATION, prompt: 'h', temperature: 1.5, seed: 3 },
    ]) {
      assert.equal(generateText(loaded, generation), generateText(trained, generation));
    }
  } finally {
    loaded.dispose();
  }
  assert.equal(tf.memory().numTensors, tensorsBefore, 'load + dispose leaves no tensor');
});

test('a prose model (LSTM with dropout, the prose profile) saves and loads: its Dropout layers, profile and settings kept, the same text generated', async () => {
  const prose = 'It was a bright cold day in April, and the clocks were striking thirteen. '.repeat(12);
  const training = { ...PROFILE_TRAINING.prose, hiddenSize: 16, sequenceLength: 20, epochs: 2, minutes: 0 };
  const { trained: proseModel } = await trainTextModel(prose, training);
  const dir = path.join(root, 'prose-model');
  try {
    await saveTextModel(proseModel, dir);
    const topology = JSON.parse(await readFile(path.join(dir, 'model.json'), 'utf8')) as { modelTopology: { config: { layers: Array<{ class_name: string }> } } };
    assert.deepEqual(topology.modelTopology.config.layers.map((layer) => layer.class_name), ['LSTM', 'Dropout', 'TimeDistributed']);
    const loaded = await loadTextModel(dir);
    try {
      assert.deepEqual(loaded.training, training);
      assert.equal(loaded.training.profile, 'prose');
      const generation = { ...PROFILE_GENERATION.prose, prompt: 'It', length: 40 };
      assert.equal(generateText(loaded, generation), generateText(proseModel, generation));
    } finally {
      loaded.dispose();
    }
  } finally {
    proseModel.dispose();
  }
});

/** loadTextModel(dir) rejects with a UserError naming the folder and matching `problem`. */
async function refuses(dir: string, problem: RegExp): Promise<void> {
  await assert.rejects(loadTextModel(dir), (e: unknown) => {
    assert.ok(e instanceof UserError, String(e));
    assert.ok(e.message.startsWith(`Cannot load the model in ${dir}: `), e.message);
    assert.match(e.message, problem);
    return true;
  });
}

test('load refuses a corrupt model.json', async () => {
  const dir = await savedModel();
  await writeFile(path.join(dir, 'model.json'), '{"modelTopology": {');
  await refuses(dir, /model\.json is not valid JSON/);
});

test('load refuses a folder without weights.bin, or with one of the wrong length', async () => {
  const dir = await savedModel();
  const weights = path.join(dir, 'weights.bin');
  const bytes = (await readFile(weights)).byteLength;
  await truncate(weights, bytes - 4);
  await refuses(dir, new RegExp(`weights\\.bin has ${bytes - 4} bytes; model\\.json needs ${bytes}`));
  await rm(weights);
  await refuses(dir, /weights\.bin is missing/);
});

test("load refuses a meta.json whose vocabulary does not match the model's size", async () => {
  const dir = await savedModel();
  const metaFile = path.join(dir, 'meta.json');
  const meta = JSON.parse(await readFile(metaFile, 'utf8')) as TextModelMeta;
  await writeFile(metaFile, JSON.stringify({ ...meta, vocabulary: [...meta.vocabulary, 'z'] }));
  const tensorsBefore = tf.memory().numTensors;
  await refuses(dir, /meta\.json has 18 characters but the model takes 17 and gives 17/);
  assert.equal(tf.memory().numTensors, tensorsBefore, 'the refused model is freed');
});

test('load refuses another format or version, and a folder that is not there', async () => {
  const dir = await savedModel();
  const metaFile = path.join(dir, 'meta.json');
  const meta = JSON.parse(await readFile(metaFile, 'utf8')) as TextModelMeta;
  await writeFile(metaFile, JSON.stringify({ ...meta, version: 2 }));
  await refuses(dir, /meta\.json has version 2; this RNN Studio reads version 1/);
  await writeFile(metaFile, JSON.stringify({ ...meta, format: 'keras' }));
  await refuses(dir, /not an RNN Studio text model/);
  await refuses(path.join(root, 'nowhere'), /meta\.json is missing/);
});

test('a failed save leaves the existing model intact and no temporary folder behind', async () => {
  const dir = await savedModel();
  const before = await contents(dir);
  const failingWrite = async (file: string, data: string | Uint8Array) => {
    if (file.endsWith('weights.bin')) throw new Error('ENOSPC: no space left on device');
    await writeFile(file, data);
  };
  await assert.rejects(
    saveTextModel(trained, dir, { writeFile: failingWrite }),
    (e: unknown) => e instanceof UserError && e.message === `Cannot save the model to ${dir}: ENOSPC: no space left on device`,
  );
  assert.deepEqual(await contents(dir), before);
  assert.deepEqual((await readdir(root)).filter((name) => name.startsWith(path.basename(dir))), [path.basename(dir)]);
  // The same save without the failure replaces the model (and still leaves nothing behind).
  await saveTextModel(trained, dir);
  (await loadTextModel(dir)).dispose();
  assert.deepEqual((await readdir(root)).filter((name) => name.startsWith(path.basename(dir))), [path.basename(dir)]);
});

test('save refuses a folder holding other things, and a file', async () => {
  const dir = path.join(root, 'project');
  await saveTextModel(trained, dir);
  await writeFile(path.join(dir, 'notes.txt'), 'mine');
  await rm(path.join(dir, 'meta.json'));
  await assert.rejects(saveTextModel(trained, dir), (e: unknown) => e instanceof UserError && /has other files/.test(e.message));
  assert.equal(await readFile(path.join(dir, 'notes.txt'), 'utf8'), 'mine');
  const file = path.join(dir, 'notes.txt');
  await assert.rejects(saveTextModel(trained, file), (e: unknown) => e instanceof UserError && /is a file/.test(e.message));
});

test('copyModelFolder copies a saved model into place, replacing an older model but never a foreign folder', async () => {
  const source = await savedModel();
  const target = path.join(root, 'copied');
  await copyModelFolder(source, target);
  assert.deepEqual(await contents(target), await contents(source));
  await copyModelFolder(source, target);
  assert.deepEqual(await contents(target), await contents(source), 'an existing model is replaced');
  const foreign = path.join(root, 'someone-elses-folder');
  await mkdir(foreign);
  await writeFile(path.join(foreign, 'notes.txt'), 'mine');
  await assert.rejects(copyModelFolder(source, foreign), UserError);
  assert.deepEqual(await readdir(foreign), ['notes.txt']);
  assert.deepEqual((await readdir(root)).filter((name) => name.includes('.saving-')), [], 'no temporary folder is left');
});
