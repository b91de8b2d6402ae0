/**
 * Issue 9, case 2: the orthogonal initializer of the recurrent kernels. The largest
 * forecaster (an LSTM of 1024 units) took minutes to build with tfjs' own (194 s on this
 * machine, nothing could cancel it); it now builds in seconds, its recurrent kernel
 * orthogonal, seeded, and the same matrix as tfjs' to float32 rounding. Small kernels (the
 * defaults, the tutorial) are tfjs' own, bit for bit.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { buildForecastModel } from '../../src/core/forecast/forecastModels';
import { orthogonal } from '../../src/core/orthogonalInitializer';
import { useWasm } from './support/wasm';

before(useWasm);

/** The largest |W Wᵀ − I| over `w` [rows, columns] with rows <= columns (orthonormal rows). */
function orthogonalityError(w: tf.Tensor2D): number {
  return tf.tidy(() => tf.max(tf.abs(tf.sub(tf.matMul(w, w, false, true), tf.eye(w.shape[0])))).dataSync()[0]);
}

/** The largest |a − b|. */
const largestDifference = (a: tf.Tensor, b: tf.Tensor) => tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]);

test('the largest forecaster (an LSTM of 1024 units) builds in seconds, its recurrent kernel orthogonal', { timeout: 60_000 }, () => {
  const model = buildForecastModel({ preset: 'lstm', units: [1024] }, 60, 42);
  try {
    const recurrent = model.layers[0].getWeights()[1] as tf.Tensor2D;
    assert.deepEqual(recurrent.shape, [1024, 4096]);
    const error = orthogonalityError(recurrent);
    assert.ok(error < 1e-4, `|W Wᵀ − I| reaches ${error}`);
    const config = model.layers[0].getConfig().recurrentInitializer as { className: string; config: { seed: number } };
    assert.deepEqual([config.className, config.config.seed], ['Orthogonal', 43], 'model.json names the standard initializer and its seed');
  } finally {
    model.dispose();
  }
});

test("above the size tfjs' own builds quickly: the same matrix as tfjs' to float32 rounding, seeded", () => {
  for (const shape of [[128, 1024], [300, 300]]) {
    const ours = orthogonal(7).apply(shape);
    const tfjs = tf.initializers.orthogonal({ seed: 7 }).apply(shape);
    const again = orthogonal(7).apply(shape);
    const other = orthogonal(8).apply(shape);
    try {
      assert.ok(largestDifference(ours, tfjs) < 1e-4, `${shape.join('×')}: ${largestDifference(ours, tfjs)} from tfjs'`);
      assert.equal(largestDifference(ours, again), 0, 'the same seed, the same matrix');
      assert.ok(largestDifference(ours, other) > 0.01, 'another seed, another matrix');
      const rows = shape[0] <= shape[1] ? (ours as tf.Tensor2D) : ours.transpose<tf.Tensor2D>();
      assert.ok(orthogonalityError(rows) < 1e-4);
    } finally {
      tf.dispose([ours, tfjs, again, other]);
    }
  }
});

test("small kernels (the defaults', the tutorial's) are tfjs' own, bit for bit", () => {
  for (const shape of [[12, 12], [64, 256], [128, 128]]) {
    const ours = orthogonal(43).apply(shape);
    const tfjs = tf.initializers.orthogonal({ seed: 43 }).apply(shape);
    try {
      assert.deepEqual(ours.dataSync(), tfjs.dataSync(), shape.join('×'));
    } finally {
      tf.dispose([ours, tfjs]);
    }
  }
});
