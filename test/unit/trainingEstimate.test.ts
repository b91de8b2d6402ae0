import assert from 'node:assert/strict';
import { test } from 'node:test';
import { aboutDuration, estimateTrainingSeconds, trainingWindows } from '../../src/core/forecast/trainingEstimate';

/** The measurement the costs come from: sample/prices.csv with the tutorial recipe (540 daily points, 60 held out, windows of 60). */
const TUTORIAL = { points: 540, test: 60, window: 60, epochs: 1 };

test('training windows: one per point after the first window, before the held-out part; never negative', () => {
  assert.equal(trainingWindows(TUTORIAL), 420, "the tutorial's 420 windows of sample/prices.csv");
  assert.equal(trainingWindows({ points: 50, test: 60, window: 60 }), 0);
});

test('the estimate reproduces the measured epochs and grows with windows, epochs, window, layers and units', () => {
  assert.ok(Math.abs(estimateTrainingSeconds('mlp', {}, TUTORIAL) - 0.09935) < 1e-9, 'the MLP measured 99 ms per epoch');
  assert.ok(Math.abs(estimateTrainingSeconds('lstm', { units: 64, layers: 1 }, TUTORIAL) - 1.4782) < 1e-9, 'the LSTM 64 measured 1.48 s per epoch');
  const lstm = (size: { units?: number; layers?: number }, input = TUTORIAL) => estimateTrainingSeconds('lstm', size, input);
  assert.ok(Math.abs(lstm({}, { ...TUTORIAL, epochs: 50 }) - 50 * lstm({})) < 1e-9, 'linear in epochs');
  assert.ok(Math.abs(lstm({ layers: 2 }) - 2 * lstm({})) < 1e-9, 'linear in layers');
  assert.ok(Math.abs(lstm({ units: 128 }) - 4 * lstm({})) < 1e-9, 'quadratic in units');
  assert.ok(Math.abs(lstm({ units: 8 }) - 0.25 * lstm({})) < 1e-9, 'a tiny model is no cheaper than a quarter (overhead)');
  assert.ok(lstm({}, { ...TUTORIAL, points: 1020 }) > 2 * lstm({}) - 1e-9, 'twice the windows, twice the time');
  assert.equal(estimateTrainingSeconds('gru', {}, { points: 100, test: 60, window: 60, epochs: 100 }), 0, 'no windows, no time');
  assert.ok(estimateTrainingSeconds('rnn', {}, TUTORIAL) > estimateTrainingSeconds('gru', {}, TUTORIAL), 'the SimpleRNN stack is the slowest');
});

test('durations in plain, rounded words', () => {
  assert.equal(aboutDuration(0), 'a few seconds');
  assert.equal(aboutDuration(9.9), 'a few seconds');
  assert.equal(aboutDuration(23), 'about 20 s');
  assert.equal(aboutDuration(56), 'about 1 min');
  assert.equal(aboutDuration(100), 'about 2 min');
  assert.equal(aboutDuration(17 * 60), 'about 15 min');
  assert.equal(aboutDuration(2.4 * 3600), 'about 2.5 h');
  // 200 epochs (the defaults' most) of the LSTM on the tutorial's series: 200 × 1.48 s.
  assert.equal(aboutDuration(estimateTrainingSeconds('lstm', {}, { ...TUTORIAL, epochs: 200 })), 'about 5 min');
});
