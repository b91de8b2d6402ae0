import * as tf from '@tensorflow/tfjs';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { runForecastJob, type ForecastEpoch, type ForecastJobStart } from '../../src/core/forecast/forecastJob';
import type { ForecastSettings } from '../../src/core/forecast/forecastSettings';
import type { ForecasterFile } from '../../src/core/forecast/forecastStore';
import { UserError } from '../../src/core/userError';
import { useWasm } from './support/wasm';

const DAY = 86_400_000;
const FIRST = Date.UTC(2020, 0, 1);
const DAYS = 160;

/** Daily prices as ISO dates: a wave on a trend, one NaN, one unparseable cell, one duplicate day, two rows swapped. */
function dailyCsv(scale = 1, first = FIRST): string {
  const lines = Array.from({ length: DAYS }, (_, i) => {
    const date = new Date(first + i * DAY).toISOString().slice(0, 10);
    return `${date},${(scale * (100 + i / 2 + 8 * Math.sin(i / 6))).toFixed(3)},${i}`;
  });
  lines[20] = lines[20].replace(/,[^,]+,/, ',NaN,');
  lines[30] = lines[30].replace(/,[^,]+,/, ',oops,');
  [lines[50], lines[51]] = [lines[51], lines[50]];
  lines.push(lines[100]);
  return `Date,Price,Volume\n${lines.join('\n')}\n`;
}

const SMALL: Partial<ForecastSettings> = { recipe: 'tutorial', window: 10, test: 20, epochs: 2, batchSize: 32, units: 8, horizon: 5, learningRate: 0.01 };

let dir: string;
let prices: string;
before(async () => {
  await useWasm();
  dir = await mkdtemp(path.join(tmpdir(), 'rnn-studio-job-'));
  prices = path.join(dir, 'prices.csv');
  await writeFile(prices, dailyCsv());
});
after(() => rm(dir, { recursive: true, force: true }));

test('the whole job: ingest, split, two models trained and ranked with the baseline, a dated forecast', async () => {
  const tensorsBefore = tf.memory().numTensors;
  const starts: ForecastJobStart[] = [];
  const epochs: ForecastEpoch[] = [];
  let progress = 0;
  const result = await runForecastJob(
    { csv: prices, settings: { ...SMALL, models: ['mlp', 'gru'] } },
    { onIngestProgress: () => progress++, onStart: (start) => starts.push(start), onEpoch: (epoch) => epochs.push(epoch) },
  );
  assert.ok(progress >= 1);
  const points = DAYS - 2;
  assert.equal(result.ingest.rows, DAYS + 1);
  assert.equal(result.ingest.rowsSkipped, 2);
  assert.equal(result.ingest.duplicates, 1);
  assert.equal(result.ingest.outOfOrder, 2, 'the swapped row and the repeated one at the end');
  assert.equal(result.ingest.resample, 'day');
  assert.equal(result.ingest.gaps, 2, 'the NaN day and the text day');
  assert.equal(result.ingest.points, points);
  assert.equal(result.ingest.timeKind, 'time');
  assert.deepEqual(starts.map((start) => [start.models, start.split.index, start.split.windows, start.loaded]), [[['mlp', 'gru'], points - 20, points - 20 - 10, false]]);
  assert.deepEqual(epochs.map((epoch) => `${epoch.model}:${epoch.modelIndex}/${epoch.models}:${epoch.epoch}/${epoch.epochs}`), ['mlp:0/2:1/2', 'mlp:0/2:2/2', 'gru:1/2:1/2', 'gru:1/2:2/2']);
  assert.equal(result.series.t.length, points);
  assert.equal(result.split.time, result.series.t[points - 20]);
  assert.deepEqual(result.heldOut.value, result.series.value.slice(points - 20));
  assert.deepEqual(result.baselines.map((b) => [b.name, b.label, b.period]), [
    ['persistence', 'Last value (persistence)', 1],
    ['seasonalNaive', 'Same day last week (seasonal naive, 7 days)', 7],
  ]);
  assert.deepEqual(result.baselines[0].predicted, result.series.value.slice(points - 21, points - 1));
  assert.deepEqual(result.baselines[1].predicted, result.series.value.slice(points - 27, points - 7));
  assert.deepEqual(result.models.map((run) => [run.name, run.label, run.epochsRun, run.predicted.length]), [
    ['mlp', 'MLP 56-32', 2, 20],
    ['gru', 'GRU 8', 2, 20],
  ]);
  for (const run of result.models) {
    assert.ok(Object.values(run.metrics).every(Number.isFinite), JSON.stringify(run.metrics));
    assert.deepEqual(run.forecast.t, [1, 2, 3, 4, 5].map((k) => FIRST + (DAYS - 1 + k) * DAY), 'the days after the last one');
    assert.ok(run.msPerEpoch > 0);
  }
  assert.deepEqual(result.leaderboard.map((entry) => entry.name).sort(), ['gru', 'mlp', 'persistence', 'seasonalNaive']);
  const bestBaselineMae = Math.min(...result.baselines.map((b) => b.metrics.mae));
  for (const entry of result.leaderboard) assert.equal(entry.beatsBaseline, !entry.baseline && entry.metrics.mae < bestBaselineMae, entry.name);
  const winner = result.leaderboard.find((entry) => !entry.baseline);
  assert.equal(result.forecast?.model, winner?.name);
  // The backtest: 5 origins over the 20 held-out days, 5 steps each; models in training order, then the baselines on the same origins.
  assert.deepEqual(result.backtest?.origins, [points - 20, points - 16, points - 12, points - 9, points - 5]);
  assert.deepEqual(result.backtest?.rows.map((row) => row.name), ['mlp', 'gru', 'persistence', 'seasonalNaive']);
  // Persistence's one-step errors are the held-out ones at the origins.
  const persistenceRow = result.backtest?.rows[2];
  const atOrigins = (result.backtest?.origins ?? []).map((o) => Math.abs(result.series.value[o] - result.series.value[o - 1]));
  assert.ok(persistenceRow && Math.abs(persistenceRow.oneStep.mean - atOrigins.reduce((a, b) => a + b, 0) / 5) < 1e-9);
  // The tutorial recipe has no validation part: intervals calibrated on the held-out backtest, said to be optimistic.
  assert.equal(result.intervals?.model, result.forecast?.model);
  assert.equal(result.intervals?.calibration, 'test');
  assert.ok(result.warnings.some((w) => /coverage is optimistic/.test(w)));
  assert.deepEqual(result.chosen, { recipe: 'tutorial', interval: 'day', transform: 'level', window: 10, backtest: 5, covariates: [] });
  assert.equal(result.cancelled, false);
  assert.ok(result.warnings.some((warning) => /2 of 161 rows were skipped in "Price": 1 with no value \(empty \/ NaN\), 1 with text instead of a number \(first on line 32: "oops"\)/.test(warning)), result.warnings.join('\n'));
  assert.ok(result.warnings.some((warning) => /not in time order/.test(warning)));
  assert.ok(result.warnings.some((warning) => /1 rows have the same time as another row/.test(warning)));
  const best = result.baselines.find((b) => b.metrics.mae === bestBaselineMae);
  for (const run of result.models) {
    const warned = result.warnings.some((warning) => warning.startsWith(`${run.label} does not beat the best baseline, ${best?.label}, on the held-out points`));
    assert.equal(warned, !(run.metrics.mae < bestBaselineMae), run.label);
  }
  assert.equal(tf.memory().numTensors, tensorsBefore, 'no tensor leaks');
});

test('cancelling keeps the model being trained and skips the rest', async () => {
  const tensorsBefore = tf.memory().numTensors;
  let epochs = 0;
  const result = await runForecastJob(
    { csv: prices, settings: { ...SMALL, epochs: 50, models: ['lstm', 'mlp'] } },
    { onEpoch: () => epochs++, shouldStop: () => epochs >= 1 },
  );
  assert.equal(result.cancelled, true);
  assert.deepEqual(result.models.map((run) => [run.name, run.epochsRun, run.cancelled]), [['lstm', 1, true]]);
  assert.equal(result.forecast?.model, 'lstm');
  assert.ok(result.warnings.some((warning) => /Training was cancelled/.test(warning)));
  assert.equal(tf.memory().numTensors, tensorsBefore);
});

test('a saved model forecasts the same CSV identically, and another CSV of the same shape, without training', async () => {
  const saved = path.join(dir, 'saved');
  const trained = await runForecastJob({ csv: prices, settings: { ...SMALL, models: ['lstm'], transform: 'diff', scaler: 'standard' }, save: saved });
  assert.equal(trained.models[0].savedTo, saved);
  const meta = JSON.parse(await readFile(path.join(saved, 'meta.json'), 'utf8')) as ForecasterFile;
  assert.equal(meta.format, 'rnn-studio/forecast-model');
  assert.deepEqual([meta.window, meta.transform, meta.scaler.kind, meta.column, meta.timeColumn, meta.resample], [10, 'diff', 'standard', 'Price', { name: 'Date', format: 'iso' }, 'day']);

  const tensorsBefore = tf.memory().numTensors;
  const epochs: ForecastEpoch[] = [];
  const again = await runForecastJob({ csv: prices, settings: { test: 20, horizon: 5, window: 99 }, load: saved }, { onEpoch: (epoch) => epochs.push(epoch) });
  assert.equal(epochs.length, 0, 'nothing trains');
  assert.equal(again.models[0].loadedFrom, saved);
  assert.equal(again.models[0].epochsRun, 0);
  assert.equal(again.split.window, 10, "the saved model's window, not the setting's");
  assert.deepEqual(again.models[0].predicted, trained.models[0].predicted);
  assert.deepEqual(again.forecast, trained.forecast);

  const other = path.join(dir, 'other.csv');
  await writeFile(other, dailyCsv(3, Date.UTC(2022, 5, 1)));
  const applied = await runForecastJob({ csv: other, settings: { test: 20, horizon: 3 }, load: saved });
  assert.equal(applied.ingest.column, 'Price');
  assert.deepEqual(applied.forecast?.t, [1, 2, 3].map((k) => Date.UTC(2022, 5, 1) + (DAYS - 1 + k) * DAY));
  assert.ok(applied.forecast?.value.every(Number.isFinite));
  assert.equal(tf.memory().numTensors, tensorsBefore);

  const wrongShape = path.join(dir, 'wrong.csv');
  await writeFile(wrongShape, 'Date,Value\n2020-01-01,1\n');
  await assert.rejects(runForecastJob({ csv: wrongShape, load: saved }), /Cannot read .*wrong\.csv: it has no column "Price" \(column\); its columns are "Date", "Value"/);
  await assert.rejects(runForecastJob({ csv: prices, load: path.join(dir, 'nothing') }), /Cannot load the model in .*nothing: meta\.json is missing/);
});

test('rows without a time column forecast on row numbers; resampling them is refused', async () => {
  const file = path.join(dir, 'plain.csv');
  await writeFile(file, `value\n${Array.from({ length: 60 }, (_, i) => (10 + Math.sin(i)).toFixed(3)).join('\n')}\n`);
  const result = await runForecastJob({ csv: file, settings: { ...SMALL, epochs: 1, horizon: 2, test: 10 } });
  assert.equal(result.ingest.timeKind, 'index');
  assert.equal(result.ingest.resample, 'none');
  assert.deepEqual(result.forecast?.t, [60, 61]);
  assert.ok(result.warnings.includes('No time column was found: the rows are used in file order.'));
  await assert.rejects(runForecastJob({ csv: file, settings: { ...SMALL, resample: 'week' } }), (error: unknown) => {
    assert.ok(error instanceof UserError);
    assert.match(error.message, /Cannot resample .*plain\.csv by week: it has no time column \("value"\)/);
    return true;
  });
  await assert.rejects(runForecastJob({ csv: file, settings: { ...SMALL, window: 50 } }), /has 60 points; a window of 50, 20 held-out points and one training window need at least 71/);
  await assert.rejects(runForecastJob({ csv: file, settings: { window: 0 } }), /window must be a whole number from 1 to 5000, not 0/);
});
