import * as tf from '@tensorflow/tfjs';
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { fitModel, type FitLoop } from '../../src/core/training/fitModel';
import type { EpochLoss } from '../../src/core/training/fitResult';
import { useWasm } from './support/wasm';

before(useWasm);

/** One weight w, trained towards `target` by (w - target)²; each batch is a number of samples. */
function toyLoop(w: tf.Variable, overrides: Partial<FitLoop<number>> = {}): FitLoop<number> {
  return {
    variables: [w],
    epochs: 5,
    learningRate: 0.1,
    epochBatches: () => [1, 1, 1],
    batchLoss: () => tf.tidy(() => tf.square(tf.sub(w, 3)).sum<tf.Scalar>()),
    untrainedLoss: () => tf.tidy(() => tf.square(tf.sub(w, 3)).sum().dataSync()[0]),
    ...overrides,
  };
}

test('fits: one epoch loss per epoch, finalLoss the last, the weight moves, nothing left allocated (optimizer included)', async () => {
  const w = tf.variable(tf.scalar(0));
  const tensorsBefore = tf.memory().numTensors;
  const epochs: EpochLoss[] = [];
  const result = await fitModel(toyLoop(w), { onEpoch: (epoch) => epochs.push(epoch) });
  assert.deepEqual(epochs.map((epoch) => [epoch.epoch, epoch.epochs, 'valLoss' in epoch]), [1, 2, 3, 4, 5].map((epoch) => [epoch, 5, false]));
  assert.deepEqual(epochs.map((epoch) => epoch.loss), result.lossHistory);
  assert.ok(result.lossHistory[4] < result.lossHistory[0], result.lossHistory.join(', '));
  assert.deepEqual({ ...result, lossHistory: [], msPerEpoch: 0 }, {
    lossHistory: [],
    valLossHistory: [],
    epochsRun: 5,
    bestEpoch: 5,
    stoppedEarly: false,
    cancelled: false,
    outOfTime: false,
    msPerEpoch: 0,
    finalLoss: result.lossHistory[4],
  });
  assert.ok(w.dataSync()[0] > 1, 'Adam moved w towards 3');
  assert.equal(tf.memory().numTensors, tensorsBefore, "Adam's moments are disposed with it");
  w.dispose();
});

test("an epoch's loss is the batch losses' mean weighted by batchWeight (default: plain mean)", async () => {
  const w = tf.variable(tf.scalar(0));
  const loss = (value: number) => tf.tidy(() => tf.add(tf.mul(w, 0), value).sum<tf.Scalar>());
  const batches = () => [1, 3];
  const plain = await fitModel(toyLoop(w, { epochs: 1, epochBatches: batches, batchLoss: loss }));
  assert.equal(plain.lossHistory[0], 2);
  const weighted = await fitModel(toyLoop(w, { epochs: 1, epochBatches: batches, batchLoss: loss, batchWeight: (batch) => batch }));
  assert.equal(weighted.lossHistory[0], (1 * 1 + 3 * 3) / 4);
  w.dispose();
});

test('shouldStop is asked before every batch and stops within one batch; finalLoss is then the untrained loss', async () => {
  const w = tf.variable(tf.scalar(0));
  const tensorsBefore = tf.memory().numTensors;
  let asked = 0;
  let batchesRun = 0;
  const result = await fitModel(
    toyLoop(w, { epochs: 100, batchLoss: (batch) => (batchesRun++, toyLoop(w).batchLoss(batch)), untrainedLoss: () => 42 }),
    { shouldStop: () => ++asked > 2 },
  );
  assert.equal(asked, 3, 'two batches ran, the third was refused, nothing asked after');
  assert.equal(batchesRun, 2);
  assert.equal(result.cancelled, true);
  assert.equal(result.epochsRun, 0);
  assert.equal(result.bestEpoch, 0);
  assert.equal(result.finalLoss, 42);
  assert.equal(tf.memory().numTensors, tensorsBefore);
  w.dispose();
});

test('early stopping monitors valLoss, stops after `patience` epochs without a better one and restores the best weights', async () => {
  const w = tf.variable(tf.scalar(0));
  const tensorsBefore = tf.memory().numTensors;
  const valLosses = [5, 2, 3, 1, 4, 6, 7, 8, 9];
  const weightAfter: number[] = [];
  let validated = 0;
  const result = await fitModel(
    toyLoop(w, { epochs: 9, patience: 2, validate: () => valLosses[validated++] }),
    {
      onEpoch: (epoch) => {
        weightAfter.push(w.dataSync()[0]);
        assert.equal(epoch.valLoss, valLosses[epoch.epoch - 1]);
      },
    },
  );
  assert.equal(result.epochsRun, 6, 'epoch 4 was the best; 5 and 6 were not better');
  assert.equal(result.bestEpoch, 4);
  assert.equal(result.stoppedEarly, true);
  assert.deepEqual(result.valLossHistory, valLosses.slice(0, 6));
  assert.equal(result.finalLoss, result.lossHistory[3]);
  assert.equal(w.dataSync()[0], weightAfter[3], "the variables hold epoch 4's weights");
  assert.notEqual(weightAfter[5], weightAfter[3]);
  assert.equal(tf.memory().numTensors, tensorsBefore, 'the best-weight copies are freed');
  w.dispose();
});

test('without validation early stopping monitors the training loss; a cancel still restores the best weights', async () => {
  const w = tf.variable(tf.scalar(0));
  const tensorsBefore = tf.memory().numTensors;
  const losses = [4, 1, 2, 3];
  let batch = 0;
  const weightAfter: number[] = [];
  const result = await fitModel(
    toyLoop(w, {
      epochs: 10,
      patience: 5,
      epochBatches: () => [1],
      batchLoss: () => tf.tidy(() => tf.add(tf.mul(tf.sub(w, 3), 1e-3), losses[batch++]).sum<tf.Scalar>()),
    }),
    { onEpoch: () => weightAfter.push(w.dataSync()[0]), shouldStop: () => batch >= losses.length },
  );
  assert.equal(result.cancelled, true);
  assert.equal(result.stoppedEarly, false);
  assert.equal(result.epochsRun, 4);
  assert.equal(result.bestEpoch, 2);
  assert.ok(Math.abs(result.finalLoss - 1) < 1e-2);
  assert.equal(w.dataSync()[0], weightAfter[1]);
  assert.equal(tf.memory().numTensors, tensorsBefore);
  w.dispose();
});

test('a failing batch frees the optimizer and the best-weight copies', async () => {
  const w = tf.variable(tf.scalar(0));
  const tensorsBefore = tf.memory().numTensors;
  let batches = 0;
  const loop = toyLoop(w, {
    patience: 3,
    batchLoss: (batch) => {
      if (++batches === 8) throw new Error('bad batch');
      return toyLoop(w).batchLoss(batch);
    },
  });
  await assert.rejects(fitModel(loop), /bad batch/);
  assert.equal(tf.memory().numTensors, tensorsBefore);
  w.dispose();
});

test('the event loop runs during a long epoch (at least every YIELD_EVERY_MS)', async () => {
  const w = tf.variable(tf.scalar(0));
  let ticks = 0;
  const timer = setInterval(() => ticks++, 1);
  const started = Date.now();
  let batchesRun = 0;
  /** Busy until 10 ms more than the batch before. */
  const slowBatch = () => {
    batchesRun++;
    while (Date.now() - started < 10 * batchesRun);
    return toyLoop(w).batchLoss(1);
  };
  await fitModel(toyLoop(w, { epochs: 1, epochBatches: () => Array.from({ length: 30 }, () => 1), batchLoss: slowBatch }));
  clearInterval(timer);
  assert.ok(ticks >= 4, `${ticks} timer ticks in a 300 ms epoch`);
  w.dispose();
});

/** w's value after each batch of a fit of the loss w (a constant gradient of 1; w starts at 0), `overrides` applied. */
async function weightPath(overrides: Partial<FitLoop<number>>): Promise<number[]> {
  const w = tf.variable(tf.scalar(0));
  const path: number[] = [];
  await fitModel(
    toyLoop(w, {
      ...overrides,
      batchLoss: () => {
        path.push(w.dataSync()[0]);
        return tf.tidy(() => w.sum<tf.Scalar>());
      },
    }),
  );
  path.push(w.dataSync()[0]);
  w.dispose();
  return path.slice(1);
}

test('clipNorm scales the gradients down to that global norm before Adam sees them', async () => {
  // Loss c·w: the gradient is c, 1000 in the first batch and 1 in the second. Adam's second
  // step mixes both magnitudes, unless clipping makes them both 1: then each step is -lr.
  const scales = [1000, 1];
  const loss = (w: () => tf.Variable) => (batch: number) => tf.tidy(() => tf.mul(w(), scales[batch]).sum<tf.Scalar>());
  let current: tf.Variable | undefined;
  const run = async (clipNorm: number) => {
    const w = tf.variable(tf.scalar(0));
    current = w;
    const tensorsBefore = tf.memory().numTensors;
    await fitModel(toyLoop(w, { epochs: 1, learningRate: 0.1, epochBatches: () => [0, 1], batchLoss: loss(() => current as tf.Variable), clipNorm }));
    assert.equal(tf.memory().numTensors, tensorsBefore, 'the gradients and their clipped copies are disposed');
    const value = w.dataSync()[0];
    w.dispose();
    return value;
  };
  const clipped = await run(1);
  const unclipped = await run(0);
  assert.ok(Math.abs(clipped - -0.2) < 1e-4, `clipped: two steps of -0.1, got ${clipped}`);
  assert.ok(Math.abs(unclipped - -0.2) > 0.01, `unclipped: the second step is not -0.1, got ${unclipped}`);
});

test("decay: cosine from the learning rate down to a tenth of it over the epochs (a constant gradient: Adam's step is the rate)", async () => {
  const path = await weightPath({ epochs: 4, learningRate: 0.1, epochBatches: () => [0], decay: true });
  const steps = path.map((value, index) => (index === 0 ? -value : (path[index - 1] - value)));
  const expected = [0, 0.25, 0.5, 0.75].map((progress) => 0.1 * (0.1 + (0.9 * (1 + Math.cos(Math.PI * progress))) / 2));
  steps.forEach((step, index) => assert.ok(Math.abs(step - expected[index]) < 1e-4, `step ${index + 1}: ${step}, expected ${expected[index]}`));
  const constant = await weightPath({ epochs: 4, learningRate: 0.1, epochBatches: () => [0] });
  assert.ok(Math.abs(constant[3] - -0.4) < 1e-4, `without decay every step is the rate: ${constant.join(', ')}`);
});

test('maxMs: no batch starts after the budget; the epoch it cuts short is counted and validated, and the best weights are kept', async () => {
  const realNow = Date.now;
  let clock = 0;
  Date.now = () => clock;
  try {
    const w = tf.variable(tf.scalar(0));
    const tensorsBefore = tf.memory().numTensors;
    let batches = 0;
    const valLosses: number[] = [];
    const result = await fitModel(
      toyLoop(w, {
        epochs: 100,
        maxMs: 100,
        patience: 10,
        batchLoss: (batch) => ((clock += 30), batches++, toyLoop(w).batchLoss(batch)),
        validate: () => (valLosses.push(10 - valLosses.length), 10 - valLosses.length + 1),
      }),
    );
    // Epoch 1: batches at 0, 30, 60 ms; epoch 2: one at 90 ms, none at 120 ms.
    assert.equal(batches, 4);
    assert.equal(result.outOfTime, true);
    assert.equal(result.cancelled, false);
    assert.equal(result.epochsRun, 2, 'the cut epoch counts');
    assert.deepEqual(result.valLossHistory, [10, 9], 'and is validated');
    assert.equal(result.bestEpoch, 2);
    assert.equal(tf.memory().numTensors, tensorsBefore);
    w.dispose();
  } finally {
    Date.now = realNow;
  }
});
