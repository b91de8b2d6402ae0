/**
 * The memory estimate against what the wasm backend really holds: the peak of live tensor
 * bytes during an Adam step (and a forward pass) of each forecaster and of the text model
 * is at most the estimate, and not far below it (the estimate refuses runs that would fit
 * otherwise); forward-only batches shrink for a net too big for many windows at once.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { buildForecastModel } from '../../src/core/forecast/forecastModels';
import { forecastNetFor, forwardRows } from '../../src/core/forecast/forecastNet';
import { presetSpec, specShape, type PresetName } from '../../src/core/forecast/forecasters';
import { FusedStackWithHead } from '../../src/core/fused/fusedStackWithHead';
import { softmaxCrossEntropy } from '../../src/core/text/crossEntropy';
import { buildTextModel } from '../../src/core/text/textModel';
import type { CellType } from '../../src/core/text/textSettings';
import { inferenceRows, netWeights, trainingBytes, type NetShape } from '../../src/core/training/memoryEstimate';
import { useWasm } from './support/wasm';

before(useWasm);

/** The peak of live tensor bytes above the start while `run` runs (the engine's count, watched on every change). */
function peakBytes(run: () => void): number {
  const state = tf.engine().state as { numBytes: number };
  const start = state.numBytes;
  let now = start;
  let peak = start;
  Object.defineProperty(state, 'numBytes', {
    configurable: true,
    get: () => now,
    set: (value: number) => {
      now = value;
      peak = Math.max(peak, value);
    },
  });
  try {
    run();
  } finally {
    delete (state as Partial<typeof state>).numBytes;
    state.numBytes = now;
  }
  return peak - start;
}

/** One Adam step on `loss`, and the peak it reached. */
function stepPeak(variables: tf.Variable[], loss: () => tf.Scalar): number {
  const optimizer = tf.train.adam(0.001);
  try {
    optimizer.minimize(loss, true, variables)?.dispose(); // Adam's moments exist from here on
    return peakBytes(() => optimizer.minimize(loss, true, variables)?.dispose());
  } finally {
    optimizer.dispose();
  }
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

/** The step's peak is within the estimate, and above half of its activations' part (the weights' copies it counts are not all live in one step). */
function assertWithin(measured: number, shape: NetShape, batch: number): void {
  const estimated = trainingBytes(shape, batch);
  const activations = estimated - trainingBytes(shape, 0);
  assert.ok(measured <= estimated, `measured ${mb(measured)} > estimated ${mb(estimated)}`);
  assert.ok(measured >= activations / 2, `measured ${mb(measured)}, under half the estimated activations' ${mb(activations)}`);
}

for (const [preset, units] of [['mlp', []], ['rnn', []], ['lstm', [64]], ['lstm', [96, 48]], ['gru', [64]], ['gru', [48, 96]]] as Array<[PresetName, number[]]>) {
  test(`${[preset, ...(units.length > 0 ? [units.join('/')] : [])].join(' ')}: an Adam step and a forward pass stay within the estimate`, () => {
    const [window, batch, features] = [50, 48, 3];
    const spec = units.length > 0 ? { preset, units } : presetSpec(preset);
    const model = buildForecastModel(spec, window, 1, features);
    const net = forecastNetFor(model);
    const x = tf.randomNormal<tf.Rank.R3>([batch, window, features]);
    const y = tf.randomNormal([batch, 1]);
    try {
      const shape = specShape(spec, window, features);
      assert.equal(netWeights(shape), net.trainableVariables.reduce((sum, v) => sum + v.size, 0), 'the weights counted');
      assertWithin(stepPeak(net.trainableVariables, () => tf.mean(tf.squaredDifference(net.predict(x, true), y))), shape, batch);
      const rows = forwardRows(net, { window, features }, batch);
      assert.equal(rows, batch, 'a small net runs its windows at once');
      // inferenceRows(shape, ∞) windows fit in its 512 MB: a forward pass of `batch` takes at most that share.
      const forward = peakBytes(() => tf.tidy(() => net.predict(x)).dispose());
      const allowed = (512e6 / inferenceRows(shape, Number.MAX_SAFE_INTEGER)) * batch;
      assert.ok(forward <= allowed, `forward pass: measured ${mb(forward)} > estimated ${mb(allowed)}`);
    } finally {
      tf.dispose([x, y]);
      net.dispose();
      model.dispose();
    }
  });
}

for (const cell of ['rnn', 'lstm', 'gru'] as CellType[]) {
  test(`the character model (${cell}): an Adam step stays within the estimate`, () => {
    const [steps, batch, vocabularySize, hiddenSize] = [30, 32, 60, 64];
    const model = buildTextModel({ cell, hiddenSize, layers: 2, vocabularySize, seed: 1 });
    const fused = FusedStackWithHead.fromLayersModel(model);
    const x = tf.oneHot(tf.randomUniform<tf.Rank.R2>([batch, steps], 0, vocabularySize, 'int32'), vocabularySize).toFloat() as tf.Tensor3D;
    const y = tf.randomUniform<tf.Rank.R2>([batch, steps], 0, vocabularySize, 'int32');
    try {
      const shape: NetShape = { steps, inputs: vocabularySize, layers: [{ kind: cell, units: hiddenSize }, { kind: cell, units: hiddenSize }], head: 'steps', outputs: vocabularySize };
      assert.equal(netWeights(shape), fused.trainableVariables.reduce((sum, v) => sum + v.size, 0), 'the weights counted');
      assertWithin(stepPeak(fused.trainableVariables, () => softmaxCrossEntropy(fused.forward(x, { training: true }), y)), shape, batch);
    } finally {
      tf.dispose([x, y]);
      fused.dispose();
      model.dispose();
    }
  });
}

test('forward-only batches shrink for a net too big for many windows at once', () => {
  const big = specShape({ preset: 'lstm', units: [1024] }, 60, 1);
  const rows = inferenceRows(big, 512);
  assert.ok(rows >= 1 && rows < 512, `${rows} rows`);
  assert.ok(inferenceRows(big, 512) * 4 * 60 * 30 * 1024 <= 512e6);
  assert.equal(inferenceRows(specShape(presetSpec('mlp'), 60, 1), 512), 512);
  assert.equal(inferenceRows(specShape({ preset: 'lstm', units: [64] }, 5000, 1), 512) < 512, true, 'long windows too');
});
