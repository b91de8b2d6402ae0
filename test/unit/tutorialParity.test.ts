import * as tf from '@tensorflow/tfjs';
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { generateText } from '../../src/core/text/textGeneration';
import { DEFAULT_GENERATION, DEFAULT_TRAINING, type CellType } from '../../src/core/text/textSettings';
import { trainTextModel } from '../../src/core/text/textTraining';
import { TUTORIAL_TEXT, useWasm } from './support/wasm';

before(useWasm);

/** The tutorial's run: hidden 12, 1 layer, Adam 0.01, 100 full-batch epochs (3 sentences < batch 64). */
const tutorialTraining = (cell: CellType) => ({ ...DEFAULT_TRAINING, cell });

test("SimpleRNN reproduces the tutorial: greedy from 'good' gives 'good i am fine '", async () => {
  const tensorsBefore = tf.memory().numTensors;
  const { trained, result } = await trainTextModel(TUTORIAL_TEXT, tutorialTraining('rnn'));
  try {
    assert.equal(result.epochsRun, 100);
    assert.equal(result.lossHistory.length, 100);
    assert.equal(result.cancelled, false);
    assert.ok(result.finalLoss < 0.5, `final loss ${result.finalLoss}`);
    assert.equal(result.finalLoss, result.lossHistory[99]);
    // The first epoch's loss is the untrained model's: near ln(17) = 2.83 for small logits.
    assert.ok(Math.abs(result.lossHistory[0] - Math.log(17)) < 0.5, `first loss ${result.lossHistory[0]}`);
    const generated = generateText(trained, { ...DEFAULT_GENERATION, prompt: 'good', length: 15 });
    assert.equal(generated, 'good i am fine ');
  } finally {
    trained.dispose();
  }
  assert.equal(tf.memory().numTensors, tensorsBefore, 'train + generate + dispose leaves no tensor');
});

for (const cell of ['lstm', 'gru'] as const) {
  test(`${cell.toUpperCase()} trains on the tutorial's sentences to well below its untrained loss`, async () => {
    const tensorsBefore = tf.memory().numTensors;
    const { trained, result } = await trainTextModel(TUTORIAL_TEXT, tutorialTraining(cell));
    trained.dispose();
    const untrained = result.lossHistory[0];
    assert.ok(result.finalLoss < untrained / 2, `${cell}: ${untrained} -> ${result.finalLoss}`);
    assert.equal(tf.memory().numTensors, tensorsBefore);
  });
}

test('the same seed gives the same loss history; another seed another one', async () => {
  const run = async (seed: number) => {
    const { trained, result } = await trainTextModel(TUTORIAL_TEXT, { ...tutorialTraining('rnn'), epochs: 5, seed });
    trained.dispose();
    return result.lossHistory;
  };
  const first = await run(7);
  assert.deepEqual(await run(7), first);
  assert.notDeepEqual(await run(8), first);
});
