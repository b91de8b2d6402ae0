import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { readCsvSeries } from '../../src/core/csv/csvIngest';
import { pointsNeeded, prepareForecastData, type DataOptions } from '../../src/core/forecast/forecastData';
import { leaderboard } from '../../src/core/forecast/leaderboard';
import { forecastMetrics, naiveScale, persistencePredictions } from '../../src/core/forecast/metrics';
import { resample } from '../../src/core/forecast/resample';
import { fitScaler, scaleValues, unscale } from '../../src/core/forecast/scaler';
import { levelFrom, transformSeries } from '../../src/core/forecast/transform';
import { UserError } from '../../src/core/userError';
import { writeBitstampCsv, type BitstampFile } from './support/bitstamp';

let dir: string;
let file: string;
let written: BitstampFile;
before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'rnn-studio-tutorial-'));
  file = path.join(dir, 'bitstampUSD_1-min_data_2012-01-01_to_2021-03-31.csv');
  written = await writeBitstampCsv(file, { rowsPerDay: 4 });
});
after(() => rm(dir, { recursive: true, force: true }));

const TUTORIAL_RECIPE: Omit<DataOptions, 'transform'> = { window: 60, test: 60, scaler: 'minmax', label: 'Close', formatTime: (t) => new Date(t).toISOString() };

test("the tutorial's numbers: 3376 daily means of Close, 3316 / 60 split, 3256 windows of [60, 1]", async () => {
  const series = await readCsvSeries(file);
  assert.equal(series.column.name, 'Close');
  assert.equal(series.rowsSkipped, written.nanRows);
  const daily = resample(series.times, series.values, 'day', 'mean');
  assert.equal(daily.times.length, 3376);
  assert.equal(daily.gaps, 3, 'the three all-NaN days');
  assert.deepEqual(Array.from(daily.times), written.dayTimes);
  assert.deepEqual(Array.from(daily.values), written.dailyClose, 'each daily mean exactly');

  const data = prepareForecastData(daily.times, daily.values, { ...TUTORIAL_RECIPE, transform: 'level' });
  assert.equal(data.testStart, 3316, 'train 3316 values');
  assert.equal(data.levels.length - data.testStart, 60, 'test 60 values');
  assert.equal(data.train.count, 3256, 'x_train [3256, 60, 1]');
  assert.equal(data.train.inputs.length, 3256 * 60);
  assert.equal(data.train.targets.length, 3256, 'y_train [3256]');
  assert.equal(data.heldOut.count, 60, 'one test window per held-out day');

  const train = daily.values.subarray(0, 3316);
  const min = Math.min(...train);
  const max = Math.max(...train);
  assert.deepEqual(data.scaler, { kind: 'minmax', offset: min, scale: max - min }, 'fitted on the training part only');
  const scaledTrain = data.scaled.subarray(0, 3316);
  assert.equal(Math.min(...scaledTrain), 0);
  assert.ok(Math.abs(Math.max(...scaledTrain) - 1) < 1e-6);
  assert.ok(Math.max(...data.scaled.subarray(3316)) > 1, 'the held-out part exceeds the training range, as Bitcoin in 2021');
  assert.deepEqual(data.heldOut.inputs.subarray(0, 60), data.scaled.subarray(3256, 3316), 'the first test window is the last 60 training values');
  assert.deepEqual(data.train.inputs.subarray(60, 120), data.scaled.subarray(1, 61));
  assert.equal(data.train.targets[0], data.scaled[60]);
});

test('diff and logret: one window fewer, inverted exactly, scaled on the training part', () => {
  const levels = Float64Array.from({ length: 200 }, (_, i) => 100 + i + 10 * Math.sin(i / 5));
  const times = Float64Array.from({ length: 200 }, (_, i) => i);
  for (const transform of ['diff', 'logret'] as const) {
    const data = prepareForecastData(times, levels, { ...TUTORIAL_RECIPE, window: 20, test: 30, transform });
    assert.equal(data.offset, 1);
    assert.equal(data.train.count, 200 - 30 - 1 - 20);
    const transformed = transformSeries(levels, transform) as Float64Array;
    assert.equal(transformed.length, 199);
    for (let i = 1; i < 200; i++) assert.ok(Math.abs(levelFrom(levels[i - 1], transformed[i - 1], transform) - levels[i]) < 1e-9);
    const first = data.heldOut.targets[0];
    assert.ok(Math.abs(levelFrom(levels[169], unscale(data.scaler, first), transform) - levels[170]) < 1e-3);
  }
  const standard = fitScaler('standard', [1, 2, 3, 4]);
  assert.deepEqual(standard, { kind: 'standard', offset: 2.5, scale: Math.sqrt(1.25) });
  assert.deepEqual(Array.from(scaleValues(fitScaler('minmax', [5, 5]), [5, 6])), [0, 1], 'a constant series gets scale 1');
});

test('too few points for window + test + 1, and logret on a value <= 0, are UserErrors naming the series', () => {
  const times = Float64Array.from({ length: 120 }, (_, i) => Date.UTC(2020, 0, 1 + i));
  const levels = Float64Array.from({ length: 120 }, (_, i) => i - 5);
  assert.equal(pointsNeeded(60, 60, 'level'), 121);
  assert.throws(
    () => prepareForecastData(times, levels, { ...TUTORIAL_RECIPE, label: 'Column "Close" of x.csv (daily means)', transform: 'level' }),
    (error: unknown) =>
      error instanceof UserError &&
      /^Column "Close" of x\.csv \(daily means\) has 120 points; a window of 60, 60 held-out points and one training window need at least 121 \(window \+ test \+ 1\)/.test(error.message),
  );
  assert.throws(() => prepareForecastData(times, levels, { ...TUTORIAL_RECIPE, window: 10, test: 10, transform: 'logret' }), /has the value -5 at 2020-01-01T00:00:00\.000Z; the logret transform needs values above 0/);
});

test('MAE, RMSE, MAPE, MASE by hand; the persistence baseline; a leaderboard that shows who loses to it', () => {
  const actual = [10, 12, 0, 8];
  const predicted = [11, 10, 1, 8];
  const metrics = forecastMetrics(actual, predicted, 2);
  assert.equal(metrics.mae, (1 + 2 + 1 + 0) / 4);
  assert.equal(metrics.rmse, Math.sqrt((1 + 4 + 1 + 0) / 4));
  assert.equal(metrics.mape, (100 * (1 / 10 + 2 / 12 + 0 / 8)) / 3, 'the zero actual is left out');
  assert.equal(metrics.mase, 1 / 2);
  assert.equal(naiveScale([1, 3, 2, 6]), (2 + 1 + 4) / 3);
  assert.ok(Number.isNaN(forecastMetrics([1], [1], 0).mase));
  assert.deepEqual(persistencePredictions([5, 6, 7, 9], 2), [6, 7]);
  const board = leaderboard(
    [
      { name: 'mlp', label: 'MLP', metrics: { mae: 3, rmse: 4, mape: 1, mase: 1.5 } },
      { name: 'lstm', label: 'LSTM', metrics: { mae: 1, rmse: 2, mape: 1, mase: 0.5 } },
    ],
    [{ name: 'persistence', label: 'Last value (persistence)', metrics: { mae: 2, rmse: 3, mape: 1, mase: 1 } }],
  );
  assert.deepEqual(board.map((entry) => [entry.rank, entry.name, entry.beatsBaseline]), [
    [1, 'lstm', true],
    [2, 'persistence', false],
    [3, 'mlp', false],
  ]);
});
