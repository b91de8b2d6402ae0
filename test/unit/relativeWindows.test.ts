import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { prepareForecastData } from '../../src/core/forecast/forecastData';
import type { ForecastNet } from '../../src/core/forecast/forecastNet';
import { heldOutPredictions, pathFrom } from '../../src/core/forecast/predictions';
import { fitAlpha } from '../../src/core/forecast/shrinkage';
import { heldOutPoints } from '../../src/core/forecast/forecastSettings';
import { validateForecastSettings } from '../../src/core/forecast/forecastSettingsValidation';
import { pathErrors, validationPaths } from '../../src/core/forecast/validationPaths';
import { useWasm } from './support/wasm';

before(useWasm);

const naming = { label: 'Column "value" of test.csv', formatTime: (t: number) => String(t) };
/** A line 100 + 2 i with a period-4 wiggle: its changes are 2 + (±1 wiggle). */
const levels = Float64Array.from({ length: 40 }, (_, i) => 100 + 2 * i + [0, 1, 0, -1][i % 4]);
const times = Float64Array.from(levels, (_, i) => i);

/** A net that predicts the scaled change `change` whatever its window: a stand-in whose outputs are known. */
function constantNet(change: number): ForecastNet {
  return {
    trainableVariables: [],
    recurrent: false,
    layers: [],
    head: 'flatten',
    predict: (x) => tf.tidy(() => tf.fill<tf.Rank.R2>([x.shape[0], 1], change)),
    rollout: () => {
      throw new Error('relative paths never call rollout');
    },
    writeBack: () => {},
    dispose: () => {},
  };
}

test('relative windows: levels minus the window\'s last one over the scale, target the scaled change; the same window at any level', () => {
  const data = prepareForecastData(times, levels, { window: 4, test: 8, transform: 'relative', scaler: 'standard', ...naming });
  const { scale, offset } = data.scaler;
  assert.equal(data.offset, 1);
  assert.equal(data.train.count, 40 - 8 - 5, 'targets from level window + 1 to the held-out part, as diff');
  assert.equal(data.heldOut.count, 8);
  const first = Array.from(data.train.inputs.subarray(0, 4), (v) => v * scale);
  [levels[1] - levels[4], levels[2] - levels[4], levels[3] - levels[4], 0].forEach((expected, k) => assert.ok(Math.abs(first[k] - expected) < 1e-4, `input ${k}: ${first[k]} vs ${expected}`));
  assert.ok(Math.abs(data.train.targets[0] * scale + offset - (levels[5] - levels[4])) < 1e-5, 'the target is the next change');
  // Windows four steps apart (one wiggle) at levels 8 apart are identical: the level is gone.
  assert.deepEqual(data.train.inputs.subarray(0, 4), data.train.inputs.subarray(16, 20));
});

test('relative predictions: one step and a path invert to levels exactly, with no tensor left behind', () => {
  const data = prepareForecastData(times, levels, { window: 4, test: 8, transform: 'relative', scaler: 'standard', ...naming });
  const net = constantNet(0); // scaled 0: the training part's mean change
  const before = tf.memory().numTensors;
  const oneStep = heldOutPredictions(net, data);
  const path = pathFrom(net, data, levels.length, 5, 'state');
  assert.equal(tf.memory().numTensors, before);
  const mean = data.scaler.offset;
  oneStep.forEach((value, k) => assert.ok(Math.abs(value - (levels[32 + k - 1] + mean)) < 1e-4));
  path.forEach((value, k) => assert.ok(Math.abs(value - (levels[39] + (k + 1) * mean)) < 1e-4, `step ${k + 1}: ${value}`));
  assert.deepEqual(pathFrom(net, data, levels.length, 5, 'state', 0), [39, 39, 39, 39, 39].map((i) => levels[i]), 'α 0 repeats the last value');
});

test('validation paths: origins inside the validation part, steps capped at half of it; α fitted on paths keeps a real signal and drops noise', () => {
  const data = prepareForecastData(times, levels, { window: 4, test: 8, transform: 'relative', scaler: 'standard', ...naming });
  const paths = validationPaths(constantNet(0), data, 10, 30, 'state');
  assert.equal(paths.steps, 5);
  assert.ok(paths.predicted.length >= 2 && paths.predicted.length <= 8);
  for (const actual of paths.actual) assert.equal(actual.length, 5);
  const last = paths.start.map((start) => levels.indexOf(start));
  assert.ok(last.every((i) => i + 1 >= 32 - 10 && i + 1 + 5 <= 32), `origins ${last.map((i) => i + 1).join(', ')} within [22, 27]`);
  const naive = pathErrors(paths, 0);
  assert.ok(pathErrors(paths, 1).every((error, k) => error < naive[k]), 'the trend beats the last value on every path');
  assert.equal(fitAlpha((alpha) => pathErrors(paths, alpha)).alpha, 1);
  const wrong = validationPaths(constantNet(-5), data, 10, 30, 'state'); // falls where the series climbs
  assert.equal(fitAlpha((alpha) => pathErrors(wrong, alpha)).alpha, 0, 'a path going the wrong way the truth is pulled back to the last value');
});

test("test 'auto' holds out a fifth of the series, at most 60; a number stays as it is", () => {
  assert.equal(heldOutPoints('auto', 123), 25);
  assert.equal(heldOutPoints('auto', 3376), 60);
  assert.equal(heldOutPoints('auto', 3), 1);
  assert.equal(heldOutPoints(60, 123), 60);
  assert.equal(validateForecastSettings({}).test, 'auto');
  assert.equal(validateForecastSettings({ recipe: 'tutorial' }).test, 60);
  assert.equal(validateForecastSettings({ test: '12' }).test, 12);
  assert.throws(() => validateForecastSettings({ test: 'some' }, (key) => `--${key}`), /--test/);
});
