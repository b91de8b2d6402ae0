/** Issue 9, case 10: where a model can be saved (checkSaveTarget), checked before training; a folder that cannot be made is refused, not waited on. */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { checkSaveTarget } from '../../src/core/persistence/saveTarget';
import { buildTextModel } from '../../src/core/text/textModel';
import { saveTextModel } from '../../src/core/text/textModelStore';
import { DEFAULT_TRAINING } from '../../src/core/text/textSettings';
import { trainedTextModel } from '../../src/core/text/trainedTextModel';
import { Vocabulary } from '../../src/core/text/vocabulary';

let dir: string;
before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'rnn-studio-save-target-'));
});
after(() => rm(dir, { recursive: true, force: true }));

test('checkSaveTarget: a new folder under missing ones, or a folder to replace; nothing is left behind', async () => {
  assert.deepEqual(await checkSaveTarget(path.join(dir, 'a', 'b', 'model')), { target: path.join(dir, 'a', 'b', 'model'), replacing: false });
  const existing = path.join(dir, 'existing');
  await mkdir(existing);
  assert.deepEqual(await checkSaveTarget(existing), { target: existing, replacing: true });
  assert.deepEqual(await readdir(dir), ['existing']);
});

test('saving a model (as the worker does for the panel) to /proc/x is refused at once, not a hang', { timeout: 20_000 }, async () => {
  const vocabulary = Vocabulary.fromText('ab');
  const trained = trainedTextModel({
    model: buildTextModel({ cell: 'rnn', hiddenSize: 4, layers: 1, vocabularySize: vocabulary.size, seed: 1 }),
    vocabulary,
    training: { ...DEFAULT_TRAINING },
    mode: 'windows',
    steps: 4,
    firstSymbol: 'a',
  });
  try {
    await assert.rejects(saveTextModel(trained, '/proc/x/model'), /^UserError: Cannot save the model to \/proc\/x\/model: no folder can be made in \/proc \(/);
  } finally {
    trained.dispose();
  }
});
