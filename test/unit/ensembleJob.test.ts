import * as tf from '@tensorflow/tfjs';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { runForecastJob, type ForecastEpoch } from '../../src/core/forecast/forecastJob';
import type { ForecastSettings } from '../../src/core/forecast/forecastSettings';
import type { ForecasterFile } from '../../src/core/forecast/forecastStore';
import { useWasm } from './support/wasm';

const DAY = 86_400_000;

/** 160 daily values: a wave on a trend. */
function dailyCsv(): string {
  const lines = Array.from({ length: 160 }, (_, i) => `${new Date(Date.UTC(2020, 0, 1) + i * DAY).toISOString().slice(0, 10)},${(100 + i / 2 + 8 * Math.sin(i / 6)).toFixed(3)}`);
  return `Date,Price\n${lines.join('\n')}\n`;
}

/** Small and fast; a validation part so that the seeds can be judged. */
const SMALL: Partial<ForecastSettings> = { recipe: 'tutorial', window: 10, test: 20, epochs: 2, batchSize: 32, units: 8, horizon: 5, learningRate: 0.01, validationSplit: 0.2, shrink: true };

let dir: string;
let prices: string;
before(async () => {
  await useWasm();
  dir = await mkdtemp(path.join(tmpdir(), 'rnn-studio-ensemble-'));
  prices = path.join(dir, 'prices.csv');
  await writeFile(prices, dailyCsv());
});
after(() => rm(dir, { recursive: true, force: true }));

test('ensemble 3: three seeds per model, the median or the best one used and said, backtested, saved as one network, no tensor leaked', async () => {
  const tensorsBefore = tf.memory().numTensors;
  const epochs: ForecastEpoch[] = [];
  const saved = path.join(dir, 'saved');
  const result = await runForecastJob({ csv: prices, settings: { ...SMALL, models: ['mlp', 'gru'], ensemble: 3 }, save: saved }, { onEpoch: (epoch) => epochs.push(epoch) });
  assert.equal(tf.memory().numTensors, tensorsBefore, 'no tensor leaks, members included');
  assert.deepEqual(
    epochs.map((e) => `${e.model}:${e.modelIndex}:${e.member}/${e.members}:${e.epoch}`),
    ['mlp:0:0/3:1', 'mlp:0:0/3:2', 'mlp:0:1/3:1', 'mlp:0:1/3:2', 'mlp:0:2/3:1', 'mlp:0:2/3:2', 'gru:1:0/3:1', 'gru:1:0/3:2', 'gru:1:1/3:1', 'gru:1:1/3:2', 'gru:1:2/3:1', 'gru:1:2/3:2'],
  );
  for (const run of result.models) {
    const ensemble = run.ensemble;
    assert.ok(ensemble, run.name);
    assert.equal(ensemble.members, 3);
    assert.ok([42, 43, 44].includes(ensemble.seed));
    const note = ensemble.used === 'median' ? `${run.label}: the median of 3 seeds (42–44), which beats the best seed, ${ensemble.seed}` : `${run.label}: seed ${ensemble.seed} kept, the best of 3 seeds (42–44)`;
    assert.ok(result.warnings.some((w) => w.startsWith(note)), `${note}\n${result.warnings.join('\n')}`);
    assert.equal(run.predicted.length, 20);
    assert.ok(run.forecast.value.every(Number.isFinite));
    const meta = JSON.parse(await readFile(path.join(saved, run.name, 'meta.json'), 'utf8')) as ForecasterFile;
    assert.equal(meta.seed, ensemble.seed, "the saved network is the best seed's");
    assert.equal(result.warnings.some((w) => w.startsWith(`${run.label}: the saved model is seed ${ensemble.seed}'s network`)), ensemble.used === 'median');
  }
  assert.deepEqual(result.backtest?.rows.map((r) => r.name), ['mlp', 'gru', 'persistence', 'seasonalNaive']);
  // Five origins: ranked by the backtest.
  assert.ok(result.leaderboard.every((e) => e.rankedBy === 'backtest'));
  const byBacktest = [...(result.backtest?.rows ?? [])].sort((a, b) => a.multiStep.mean - b.multiStep.mean).map((r) => r.name);
  assert.deepEqual(result.leaderboard.map((e) => e.name), byBacktest);
  assert.equal(result.forecast?.model, result.leaderboard.find((e) => !e.baseline)?.name);
});

test('ensemble 1 is a single seed, as before: the same predictions as the best of seeds without a validation part to choose on', async () => {
  const plain = { ...SMALL, validationSplit: 0, shrink: false, models: ['mlp' as const] };
  const one = await runForecastJob({ csv: prices, settings: { ...plain, ensemble: 1 } });
  const three = await runForecastJob({ csv: prices, settings: { ...plain, ensemble: 3 } });
  assert.deepEqual(one.models[0].ensemble, { members: 1, used: 'best', seed: 42 });
  assert.ok(!one.warnings.some((w) => /seeds/.test(w)));
  assert.deepEqual(three.models[0].ensemble, { members: 3, used: 'best', seed: 42 });
  assert.ok(three.warnings.some((w) => /MLP 56-32: seed 42 kept of 3 seeds \(42–44\): there is no validation part/.test(w)), three.warnings.join('\n'));
  assert.deepEqual(three.models[0].predicted, one.models[0].predicted);
  assert.deepEqual(three.forecast, one.forecast);
});
