import * as tf from '@tensorflow/tfjs';
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { backtestPlan, backtestResiduals, backtestRow, persistencePathFrom, seasonalPathFrom } from '../../src/core/forecast/backtest';
import { prepareForecastData } from '../../src/core/forecast/forecastData';
import { buildForecastModel } from '../../src/core/forecast/forecastModels';
import { forecastNetFor } from '../../src/core/forecast/forecastNet';
import { presetSpec } from '../../src/core/forecast/forecasters';
import { jobBacktest } from '../../src/core/forecast/jobBacktest';
import { conformalIntervals, conformalQuantile, coverage, halfWidths } from '../../src/core/forecast/predictionIntervals';
import { futureValues, heldOutPredictions, pathFrom } from '../../src/core/forecast/predictions';
import { SeededRandom } from '../../src/core/random';
import { validationPaths } from '../../src/core/forecast/validationPaths';
import { useWasm } from './support/wasm';

before(() => useWasm());

/** A Gaussian random walk of `n` steps with step sd `sigma` (Box-Muller on a seeded generator). */
function randomWalk(n: number, sigma: number, seed: number): Float64Array {
  const random = new SeededRandom(seed);
  const levels = new Float64Array(n);
  levels[0] = 100;
  for (let i = 1; i < n; i++) {
    const z = Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
    levels[i] = levels[i - 1] + sigma * z;
  }
  return levels;
}

test('origins are spaced evenly over the part, both ends included, each horizon inside it', () => {
  assert.deepEqual(backtestPlan(100, 160, 5, 30), { origins: [100, 108, 115, 123, 130], horizon: 30 });
  assert.deepEqual(backtestPlan(100, 160, 1, 30), { origins: [130], horizon: 30 });
  // The horizon is capped to the part; then only one origin fits.
  assert.deepEqual(backtestPlan(100, 120, 5, 30), { origins: [100], horizon: 20 });
  // Fewer places than origins asked for: each place once.
  assert.deepEqual(backtestPlan(100, 104, 10, 2), { origins: [100, 101, 102], horizon: 2 });
  assert.deepEqual(backtestPlan(100, 160, 0, 30), { origins: [], horizon: 30 });
  for (const origin of backtestPlan(0, 1000, 50, 37).origins) assert.ok(origin + 37 <= 1000);
});

test('the baselines forecast from an origin with nothing after it', () => {
  const levels = Array.from({ length: 30 }, (_, i) => i * i);
  assert.deepEqual(persistencePathFrom(levels)(10, 3), [81, 81, 81]);
  // Period 4 from origin 10: steps 10, 11, 12, 13 repeat 6, 7, 8, 9; step 14 repeats 6 again.
  assert.deepEqual(seasonalPathFrom(levels, 4)(10, 5), [36, 49, 64, 81, 36]);
  const residuals = backtestResiduals(persistencePathFrom(levels), levels, { origins: [10, 20], horizon: 2 });
  assert.deepEqual(residuals, [
    [100 - 81, 121 - 81],
    [400 - 361, 441 - 361],
  ]);
  const row = backtestRow('persistence', 'Last value', true, residuals);
  assert.deepEqual(row.oneStep, { mean: 29, std: Math.sqrt(200), min: 19, max: 39 });
  assert.deepEqual(row.multiStep.min, (19 + 40) / 2);
  assert.deepEqual(row.perStep, [29, 60]);
});

test('split conformal quantile: the ceil((n+1)(1-a))-th smallest, the largest when n is too small', () => {
  const values = Array.from({ length: 19 }, (_, i) => i + 1);
  assert.equal(conformalQuantile(values, 0.8), 16);
  assert.equal(conformalQuantile(values, 0.95), 19);
  assert.equal(conformalQuantile([3, 1, 2], 0.95), 3);
  assert.ok(Number.isNaN(conformalQuantile([], 0.9)));
  // Steps past the calibrated ones widen by sqrt(h / calibrated).
  assert.deepEqual(halfWidths([[1, -2], [-1, 2]], 0.8, 4).map((w) => +w.toFixed(6)), [1, 2, +(2 * Math.sqrt(1.5)).toFixed(6), +(2 * Math.sqrt(2)).toFixed(6)]);
  assert.equal(coverage([[0.5, 3], [-1, -1]], [1, 2]), 0.75);
  // Never narrower than the step before.
  assert.deepEqual(halfWidths([[3, 1], [-3, 1]], 0.8, 2), [3, 3]);
});

test('persistence on a random walk: the 95 % half-width at h steps ≈ 1.96·sigma·sqrt(h), coverage ≈ 80 % and 95 % on other origins', () => {
  const sigma = 2;
  const levels = randomWalk(12_000, sigma, 7);
  const path = persistencePathFrom(levels);
  const horizon = 10;
  const calibration = backtestResiduals(path, levels, backtestPlan(1, 6000, 2000, horizon));
  const check = backtestResiduals(path, levels, backtestPlan(6000, 12_000, 2000, horizon));
  const forecast = Array.from({ length: horizon }, () => levels[levels.length - 1]);
  const intervals = conformalIntervals('persistence', forecast, { part: 'validation', residuals: calibration }, check);
  const [i80, i95] = intervals.levels;
  for (const h of [1, 4, 9]) {
    const expected = 1.96 * sigma * Math.sqrt(h);
    assert.ok(Math.abs(i95.halfWidth[h - 1] - expected) / expected < 0.12, `h=${h}: ${i95.halfWidth[h - 1]} vs ${expected}`);
    assert.ok(Math.abs(i80.halfWidth[h - 1] - 1.2816 * sigma * Math.sqrt(h)) / (1.2816 * sigma * Math.sqrt(h)) < 0.12);
    assert.ok(Math.abs(i95.upper[h - 1] - forecast[h - 1] - i95.halfWidth[h - 1]) < 1e-9);
  }
  console.log(`random walk: 95 % half-width at h=1,4,9: ${[0, 3, 8].map((k) => i95.halfWidth[k].toFixed(2)).join(', ')} (expected ${[1, 2, 3].map((r) => (1.96 * sigma * r).toFixed(2)).join(', ')}); coverage 80 %: ${(i80.coverage * 100).toFixed(1)} %, 95 %: ${(i95.coverage * 100).toFixed(1)} % on ${intervals.coveragePoints} values`);
  assert.ok(Math.abs(i95.coverage - 0.95) < 0.025, `95 % coverage ${i95.coverage}`);
  assert.ok(Math.abs(i80.coverage - 0.8) < 0.04, `80 % coverage ${i80.coverage}`);
});

test('a net forecasts from an origin as it forecasts past the end and predicts the held-out points; no tensor leaks', () => {
  const levels = randomWalk(200, 1, 3);
  const times = Float64Array.from(levels, (_, i) => i);
  const data = prepareForecastData(times, levels, { window: 8, test: 40, transform: 'diff', scaler: 'standard', label: 'walk', formatTime: String });
  const model = buildForecastModel(presetSpec('mlp'), data.window, 1);
  const net = forecastNetFor(model);
  const tensors = tf.memory().numTensors;
  const alpha = 0.5;
  const path = (origin: number, horizon: number) => pathFrom(net, data, origin, horizon, 'state', alpha);
  // From the end of the data: the product's forecast.
  const future = futureValues(net, data, 6, 'state', alpha);
  path(levels.length, 6).forEach((value, k) => assert.ok(Math.abs(value - future[k]) < 1e-9, `step ${k}`));
  // The first step from each held-out origin: that point's one-step prediction.
  const oneStep = heldOutPredictions(net, data, alpha);
  for (const origin of [160, 170, 199]) assert.ok(Math.abs(path(origin, 1)[0] - oneStep[origin - 160]) < 1e-6);
  // The job's plans: held-out origins, calibration on the validation part (before the held-out part).
  const plans = jobBacktest(data, 30, 5, 12);
  assert.deepEqual(plans.test, { origins: [160, 167, 174, 181, 188], horizon: 12 });
  assert.equal(plans.calibration.part, 'validation');
  assert.equal(plans.warning, undefined);
  // The validation paths it calibrates on: inside the validation part, 12 steps that end before the held-out part; overlapping, so counted in blocks.
  const paths = validationPaths(net, data, 30, 12, 'state');
  assert.equal(paths.steps, 12);
  assert.ok(paths.origins.length === 19 && paths.origins.every((o) => o >= 130 && o + 12 <= 160), String(paths.origins));
  assert.equal(paths.block, 12);
  paths.origins.forEach((o, k) => assert.deepEqual(paths.actual[k], Array.from(levels.slice(o, o + 12))));
  const noValidation = jobBacktest(data, 0, 5, 12);
  assert.equal(noValidation.calibration.part, 'test');
  assert.match(noValidation.warning ?? '', /optimistic/);
  if (noValidation.calibration.part === 'test') backtestResiduals(path, levels, noValidation.calibration.plan);
  assert.equal(tf.memory().numTensors, tensors);
  model.dispose();
});
