import * as tf from '@tensorflow/tfjs';
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { DEFAULT_TRAINING, type TextTrainingSettings } from '../../src/core/text/textSettings';
import { trainTextModel, type EpochProgress, type TrainingStart } from '../../src/core/text/textTraining';
import { UserError } from '../../src/core/userError';
import { TUTORIAL_TEXT, useWasm } from './support/wasm';

before(useWasm);

/** Prose long enough for many small batches: ~140 windows of 12 characters. */
const PROSE = 'It was the best of times, it was the worst of times, it was the age of wisdom. '.repeat(11);
const SMALL_BATCHES: TextTrainingSettings = { ...DEFAULT_TRAINING, sequenceLength: 12, batchSize: 8, hiddenSize: 8, epochs: 3 };

test('windows mode: several shuffled batches per epoch, reproducible for a seed', async () => {
  const starts: TrainingStart[] = [];
  const epochs: EpochProgress[] = [];
  const run = async (seed: number) => {
    const { trained, result } = await trainTextModel(PROSE, { ...SMALL_BATCHES, seed }, {
      onStart: (start) => starts.push(start),
      onEpoch: (progress) => epochs.push(progress),
    });
    trained.dispose();
    return result;
  };
  const first = await run(1);
  assert.equal(starts[0].mode, 'windows');
  assert.equal(starts[0].characters, PROSE.length);
  assert.ok(starts[0].sequences > 100, `${starts[0].sequences} windows`);
  assert.equal(first.sequences, starts[0].sequences);
  assert.deepEqual(epochs.map((p) => p.epoch), [1, 2, 3]);
  assert.deepEqual(epochs.map((p) => p.loss), first.lossHistory);
  assert.ok(epochs.every((p, i) => p.epochs === 3 && p.elapsedMs >= (epochs[i - 1]?.elapsedMs ?? 0)));
  assert.ok(first.lossHistory[2] < first.lossHistory[0]);
  assert.deepEqual((await run(1)).lossHistory, first.lossHistory);
  assert.notDeepEqual((await run(2)).lossHistory, first.lossHistory);
});

test('shouldStop is asked before every batch and stops within one batch', async () => {
  const tensorsBefore = tf.memory().numTensors;
  let asked = 0;
  const { trained, result } = await trainTextModel(PROSE, { ...SMALL_BATCHES, epochs: 50 }, {
    shouldStop: () => ++asked > 4,
  });
  trained.dispose();
  assert.equal(asked, 5, 'four batches ran, the fifth was refused, nothing asked after');
  assert.equal(result.cancelled, true);
  assert.equal(result.epochsRun, 0);
  assert.deepEqual(result.lossHistory, []);
  assert.ok(Number.isFinite(result.finalLoss) && result.finalLoss > 0, `final loss ${result.finalLoss}`);
  assert.equal(tf.memory().numTensors, tensorsBefore, 'optimizer state and batches are freed on cancel');
});

test('a cancelled run keeps the completed epochs, and its model', async () => {
  let epochsSeen = 0;
  const { trained, result } = await trainTextModel(PROSE, { ...SMALL_BATCHES, epochs: 50 }, {
    onEpoch: () => epochsSeen++,
    shouldStop: () => epochsSeen >= 2,
  });
  try {
    assert.equal(result.cancelled, true);
    assert.equal(result.epochsRun, 2);
    assert.equal(result.finalLoss, result.lossHistory[1]);
    assert.equal(trained.finalLoss, result.finalLoss);
    assert.equal(trained.mode, 'windows');
    assert.equal(trained.steps, 12);
  } finally {
    trained.dispose();
  }
});

test('the event loop runs during training (timers fire between epochs)', async () => {
  let ticks = 0;
  const timer = setInterval(() => ticks++, 1);
  const { trained } = await trainTextModel(PROSE, { ...SMALL_BATCHES, epochs: 4 });
  clearInterval(timer);
  trained.dispose();
  assert.ok(ticks >= 3, `${ticks} timer ticks`);
});

test('text too short for the sequence length is a UserError, and nothing is left allocated', async () => {
  const tensorsBefore = tf.memory().numTensors;
  await assert.rejects(trainTextModel('one line only', { ...DEFAULT_TRAINING, sequenceLength: 40 }), UserError);
  assert.equal(tf.memory().numTensors, tensorsBefore);
});

test('prose: a validation loss per epoch on the held-out part; early stopping keeps the best epoch', async () => {
  const epochs: EpochProgress[] = [];
  const starts: TrainingStart[] = [];
  const tensorsBefore = tf.memory().numTensors;
  // A high learning rate on a tiny model: the validation loss soon stops improving.
  const settings = { ...SMALL_BATCHES, epochs: 60, learningRate: 0.2, validationSplit: 0.2, patience: 3 };
  const { trained, result } = await trainTextModel(PROSE, settings, { onStart: (s) => starts.push(s), onEpoch: (e) => epochs.push(e) });
  trained.dispose();
  assert.ok(starts[0].validationCharacters >= 0.19 * PROSE.length, `${starts[0].validationCharacters} held out`);
  assert.equal(result.valLossHistory.length, result.epochsRun);
  assert.ok(epochs.every((e) => Number.isFinite(e.valLoss)), 'each epoch reports its validation loss');
  assert.ok(result.stoppedEarly, `stopped early (ran ${result.epochsRun} of 60)`);
  const best = Math.min(...result.valLossHistory);
  assert.equal(result.valLossHistory[result.bestEpoch - 1], best, 'the kept epoch is the best on validation');
  assert.equal(result.epochsRun - result.bestEpoch, 3, 'patience 3');
  assert.equal(tf.memory().numTensors, tensorsBefore, 'nothing left allocated');
});

test('lines mode (the tutorial) has no validation and trains every epoch', async () => {
  const { trained, result } = await trainTextModel(TUTORIAL_TEXT, { ...DEFAULT_TRAINING, epochs: 20 });
  trained.dispose();
  assert.deepEqual(result.valLossHistory, []);
  assert.equal(result.epochsRun, 20);
  assert.equal(result.stoppedEarly, false);
});
