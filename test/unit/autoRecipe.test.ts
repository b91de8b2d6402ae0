import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { runForecastJob } from '../../src/core/forecast/forecastJob';
import { SeededRandom } from '../../src/core/random';
import { fitAlpha, fitShrinkage, shrinkPath } from '../../src/core/forecast/shrinkage';
import { useWasm } from './support/wasm';

let dir: string;
before(async () => {
  await useWasm();
  dir = await mkdtemp(path.join(tmpdir(), 'rnn-studio-auto-'));
});
after(() => rm(dir, { recursive: true, force: true }));

/** Standard normal draws (Box-Muller) from a seeded generator. */
function normals(seed: number): () => number {
  const random = new SeededRandom(seed);
  return () => Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
}

/** A CSV of monthly values from 2000-01. */
async function monthly(name: string, values: number[]): Promise<string> {
  const file = path.join(dir, name);
  const rows = values.map((value, i) => `${new Date(Date.UTC(2000, i, 1)).toISOString().slice(0, 10)},${value.toFixed(4)}`);
  await writeFile(file, `date,value\n${rows.join('\n')}\n`);
  return file;
}

test('shrinkage: α fitted on validation points pulls noise back to the last value and keeps a real signal', () => {
  const normal = normals(3);
  const previous = Array.from({ length: 200 }, () => 100);
  const actual = previous.map((p) => p + normal());
  const noise = previous.map((p) => p + normal());
  assert.ok(fitShrinkage(previous, noise, actual).alpha <= 0.1, 'a prediction unrelated to the change is shrunk to the last value');
  const signal = actual.map((a) => a + 0.1 * normal());
  assert.equal(fitShrinkage(previous, signal, actual).alpha, 1, 'a prediction of the change is kept');
  assert.deepEqual(shrinkPath(10, [12, 13, 11], 0.5), [11, 11.5, 10.5], 'each step of a path keeps half its change');
});

test('shrinkage: overlapping paths count as one observation per block, so their agreement is not mistaken for evidence', () => {
  // 12 paths' gains over the last value, in runs of 4 overlapping ones: +0.6, −0.3, +0.6.
  const gains = [0.6, -0.3, 0.6].flatMap((gain) => [gain, gain, gain, gain]);
  const errorsAt = (alpha: number) => gains.map((gain) => 1 - alpha * gain);
  assert.equal(fitAlpha(errorsAt).alpha, 1, 'as 12 independent paths: mean gain 0.3, 2.3 standard errors');
  assert.equal(fitAlpha(errorsAt, 4).alpha, 0, 'as 3 blocks of 4: mean gain 0.3, 1.0 standard error');
});

test("the auto recipe on a monthly series with trend and season: months, a window chosen on validation, at least 2× better than the last value", async () => {
  const normal = normals(7);
  const values = Array.from({ length: 240 }, (_, i) => 50 + 0.2 * i + 5 * Math.sin((2 * Math.PI * i) / 12) + 0.3 * normal());
  const result = await runForecastJob({ csv: await monthly('season.csv', values), settings: { test: 24, epochs: 40 } });
  assert.equal(result.ingest.resample, 'month');
  assert.ok([24, 60].includes(result.split.window), 'two years, or the tutorial\'s 60');
  assert.match(
    result.warnings.join('\n'),
    /Chosen on the last \d+ months of the training part: the model predicts the change from the (window seen relative to its last value|last changes), windows of (24|60) months \(validation MAE one step [\d.]+, \d+ months ahead [\d.]+; .+\)/,
  );
  const [model] = result.models;
  assert.ok(model.metrics.mae < 0.5 * result.baselines[0].metrics.mae, `MAE ${model.metrics.mae} vs the last value's ${result.baselines[0].metrics.mae}`);
  const seasonal = result.baselines.find((b) => b.name === 'seasonalNaive');
  assert.ok(seasonal && model.metrics.mae < seasonal.metrics.mae, `MAE ${model.metrics.mae} vs ${seasonal?.label}'s ${seasonal?.metrics.mae}`);
  assert.ok(model.shrinkage > 0.5, `a learned season is kept (α ${model.shrinkage})`);
  assert.deepEqual(result.forecast?.t.slice(0, 2).map((t) => new Date(t).toISOString().slice(0, 10)), ['2020-01-01', '2020-02-01']);
  const truth = (i: number) => 50 + 0.2 * i + 5 * Math.sin((2 * Math.PI * i) / 12);
  const pathError = (result.forecast?.value ?? []).reduce((sum, value, k) => sum + Math.abs(value - truth(240 + k)), 0) / result.horizon;
  assert.ok(pathError < 1, `30 months past the end, the forecast keeps the season and the trend: MAE ${pathError} against the noiseless curve (the season's amplitude is 5)`);
});

test('the auto recipe on a random walk stays within 3 % of the last value (its MAE) by shrinking toward it', async () => {
  const normal = normals(11);
  let level = 100;
  const values = Array.from({ length: 400 }, () => (level += normal()));
  const result = await runForecastJob({ csv: await monthly('walk.csv', values), settings: { epochs: 40 } });
  const [model] = result.models;
  assert.ok(model.metrics.mae <= 1.03 * result.baselines[0].metrics.mae, `MAE ${model.metrics.mae} vs the last value's ${result.baselines[0].metrics.mae} (α ${model.shrinkage})`);
  assert.equal(model.shrinkage, 0, 'a random walk teaches nothing the last value does not know');
  // Without one-step skill, the forecast past the end is not allowed its drift either, however its paths fared on the validation part.
  assert.equal(model.pathShrinkage, 0);
  assert.ok(result.forecast?.value.every((value) => Math.abs(value - values[values.length - 1]) < 1e-4), 'the forecast repeats the last value (as written to the CSV, to 4 decimals)');
  assert.match(result.warnings.join('\n'), /MLP 56-32: the one-step prediction and the forecast past the end are the last value \(no clear gain over it one step ahead on the validation part\)\./);
});

test("the demo's prices: no candidate beats the last value on validation, the reason says so, and the model is never worse than the last value", async () => {
  const result = await runForecastJob({ csv: path.join(__dirname, '../../../sample/prices.csv') });
  assert.match(result.warnings.join('\n'), /On the last \d+ days of the training part, no candidate beat the last value \(MAE one step [\d.]+, 30 days ahead [\d.]+\)/);
  const [model] = result.models;
  assert.ok(model.metrics.mae <= result.baselines[0].metrics.mae * 1.0001, `MAE ${model.metrics.mae} vs the last value's ${result.baselines[0].metrics.mae} (the tutorial's recipe: 9x worse)`);
});
