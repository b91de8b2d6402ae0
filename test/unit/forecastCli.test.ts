import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { ForecastJson } from '../../src/cli/jsonOutput';
import { bundleCli } from './support/cliBundle';
import { writeBitstampCsv, type BitstampFile } from './support/bitstamp';

let cli: string;
let work: string;
let bitstamp: string;
let written: BitstampFile;
let small: string;

before(async () => {
  cli = await bundleCli('cli-forecast-under-test');
  work = await mkdtemp(path.join(tmpdir(), 'rnn-studio-forecast-cli-'));
  bitstamp = path.join(work, 'bitstamp.csv');
  written = await writeBitstampCsv(bitstamp, { rowsPerDay: 4 });
  small = path.join(work, 'small.csv');
  const rows = Array.from({ length: 90 }, (_, i) => `${new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10)},${(50 + i / 3 + Math.sin(i / 3)).toFixed(2)}`);
  await writeFile(small, `date,price\n${rows.join('\n')}\n`);
});
after(() => rm(work, { recursive: true, force: true }));

const runCli = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', timeout: 120_000 });

test("forecast --json on the tutorial's file layout prints exactly one object: 3376 daily points, MLP, baseline, 30 dated steps", () => {
  const run = runCli('forecast', '--csv', bitstamp, '--epochs', '1', '--json', '--backend', 'wasm');
  assert.equal(run.status, 0, run.stderr);
  const lines = run.stdout.trim().split('\n');
  assert.equal(lines.length, 1, run.stdout);
  const output = JSON.parse(lines[0]) as ForecastJson;
  assert.deepEqual(Object.keys(output), ['backend', 'rows', 'rowsSkipped', 'points', 'models', 'baseline', 'baselines', 'forecast', 'backtest', 'intervals', 'chosen', 'suggestions']);
  assert.equal(output.backend, 'wasm');
  assert.ok(Array.isArray(output.suggestions));
  for (const s of output.suggestions) assert.deepEqual(Object.keys(s).sort(), ['change', 'label', 'reason', 'setting']);
  assert.equal(output.rows, written.rows);
  assert.equal(output.rowsSkipped, written.nanRows);
  assert.equal(output.points, 3376);
  assert.equal(output.models.length, 1);
  assert.deepEqual(Object.keys(output.models[0]), ['name', 'msPerEpoch', 'finalLoss', 'mae', 'rmse', 'mape', 'mase', 'ensemble']);
  // The auto recipe trains 3 seeds (42–44) and uses their median or the best of them.
  const ensemble = output.models[0].ensemble;
  assert.ok(ensemble && ensemble.members === 3 && ['median', 'best'].includes(ensemble.used) && [42, 43, 44].includes(ensemble.seed), JSON.stringify(ensemble));
  assert.equal(output.models[0].name, 'mlp');
  assert.ok(output.models[0].msPerEpoch > 0 && output.models[0].finalLoss > 0);
  assert.deepEqual(Object.keys(output.baseline), ['mae', 'rmse', 'mape', 'mase']);
  assert.ok(Object.values(output.baseline).every((value) => typeof value === 'number' && value > 0));
  assert.deepEqual(output.baselines.map((b) => [b.name, b.label, b.period]), [
    ['persistence', 'Last value (persistence)', 1],
    ['seasonalNaive', 'Same day last week (seasonal naive, 7 days)', 7],
  ]);
  assert.deepEqual(Object.keys(output.baselines[1]), ['name', 'label', 'period', 'mae', 'rmse', 'mape', 'mase']);
  const persistence = output.baselines[0];
  assert.deepEqual({ mae: persistence.mae, rmse: persistence.rmse, mape: persistence.mape, mase: persistence.mase }, output.baseline, 'baseline stays the persistence metrics');
  assert.ok(output.baselines[1].mae > 0 && output.baselines[1].mae !== output.baseline.mae);
  assert.equal(output.forecast.length, 30);
  assert.deepEqual(output.forecast.slice(0, 2).map((point) => point.t), ['2021-04-01', '2021-04-02']);
  assert.ok(output.forecast.every((point) => Number.isFinite(point.value)));
  assert.match(run.stderr, /rows were skipped in "Close"/);
  // The default backtest: 5 origins over the 60 held-out days, each forecasting the whole 30-day horizon; the model and both baselines.
  const backtest = output.backtest;
  assert.ok(backtest);
  assert.deepEqual(backtest.origins, [3316, 3324, 3331, 3339, 3346]);
  assert.equal(backtest.horizon, 30);
  assert.deepEqual(backtest.rows.map((row) => [row.name, row.baseline]), [['mlp', false], ['persistence', true], ['seasonalNaive', true]]);
  for (const row of backtest.rows) {
    assert.equal(row.perStep.length, 30);
    assert.ok(row.oneStep.min <= row.oneStep.mean && row.oneStep.mean <= row.oneStep.max && row.multiStep.std >= 0);
  }
  // Intervals calibrated on the validation part, around every forecast step, wider at 95 % than at 80 %.
  const intervals = output.intervals;
  assert.ok(intervals);
  assert.equal(intervals.calibration, 'validation');
  assert.equal(intervals.coveragePoints, 150);
  assert.deepEqual(intervals.levels.map((l) => l.level), [0.8, 0.95]);
  for (const l of intervals.levels) assert.ok(l.coverage >= 0 && l.coverage <= 1);
  for (const point of output.forecast) {
    assert.ok((point.lower95 ?? NaN) <= (point.lower80 ?? NaN) && (point.lower80 ?? NaN) <= point.value && point.value <= (point.upper80 ?? NaN) && (point.upper80 ?? NaN) <= (point.upper95 ?? NaN));
  }
  assert.deepEqual(output.chosen, { ...output.chosen, recipe: 'auto', interval: 'day', backtest: 5 });
  assert.ok(['level', 'diff', 'logret'].includes(output.chosen.transform) && output.chosen.window > 0);
});

test('--backtest K prints the backtest table and the coverage; --backtest 0 turns it off', () => {
  const run = runCli('forecast', '--csv', small, '--units', '4', '--epochs', '2', '--window', '10', '--test', '20', '--horizon', '5', '--backtest', '3');
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /^Backtest: 3 origins over the held-out part, each forecasting 1 and 5 steps from the true history/m);
  assert.match(run.stdout, /^Ranked by the backtest's mean MAE over 3 origins \(5 steps each\); MAE, RMSE, MAPE and MASE above are the held-out one-step ones\.$/m);
  assert.match(run.stdout, /^MLP 56-32 +\d\S* ± \d\S* +\d\S* ± \d\S*$/m);
  assert.match(run.stdout, /^Last value \(persistence\) +\d\S* ± \d\S* +\d\S* ± \d\S*  \(baseline\)$/m);
  assert.match(run.stdout, /^Forecast by mlp, 5 steps \(95 % interval\):\n2024-03-31 +\S+  \[\S+, \S+\]$/m);
  assert.match(run.stdout, /^Intervals of mlp's forecast calibrated on the validation part \(\d+ origins\); coverage measured on 15 backtest values: 80 %: \d+ %, 95 %: \d+ %\.$/m);
  const offText = runCli('forecast', '--csv', small, '--units', '4', '--epochs', '2', '--window', '10', '--test', '20', '--horizon', '5', '--backtest', '0');
  assert.doesNotMatch(offText.stdout, /^Backtest:/m);
  assert.match(offText.stdout, /^Ranked by the held-out one-step MAE\.$/m);
  assert.match(offText.stdout, /coverage not measured \(the backtest is off\)\.$/m);
  const off = runCli('forecast', '--csv', small, '--units', '4', '--epochs', '2', '--window', '10', '--test', '20', '--horizon', '5', '--backtest', '0', '--json');
  assert.equal(off.status, 0, off.stderr);
  const output = JSON.parse(off.stdout) as ForecastJson;
  assert.equal(output.backtest, null);
  assert.ok(output.intervals && output.intervals.levels.every((l) => l.coverage === null), 'calibrated on validation, coverage not measured (null in JSON)');
  const bad = runCli('forecast', '--csv', small, '--backtest', '51');
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /--backtest/);
});

test('compare models in words, save both, and forecast again from a saved one', () => {
  const models = path.join(work, 'models');
  const run = runCli('forecast', '--csv', small, '--recipe', 'tutorial', '--model', 'mlp,gru', '--units', '4', '--epochs', '2', '--window', '10', '--test', '15', '--horizon', '3', '--save', models);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /^Read 90 rows of "price" \(0 skipped\), time "date" \(iso\): 90 points \(daily means: the tutorial recipe\)\.$/m);
  assert.match(run.stdout, /^Split: 75 training points \(65 windows of 10\), 15 held out from 2024-03-16\.$/m);
  assert.match(run.stdout, /^gru epoch: 2\/2\.+ Loss: \d+\.\d{6}$/m);
  assert.match(run.stdout, /^\d\. Last value \(persistence\) +\d.*\(baseline\)$/m);
  assert.match(run.stdout, /^\d\. Same day last week \(seasonal naive, 7 days\) +\d.*\(baseline\)$/m);
  assert.match(run.stdout, /^\d\. GRU 4 +\d/m);
  assert.match(run.stdout, /^Forecast by (mlp|gru), 3 steps \(95 % interval\):\n2024-03-31 +\d+/m);
  assert.match(run.stderr, /calibrated on the held-out backtest itself, so their measured coverage is optimistic/);
  assert.match(run.stdout, new RegExp(`^Model gru saved to ${path.join(models, 'gru').replace(/[/\\]/g, '.')}$`, 'm'));
  const loaded = runCli('forecast', '--csv', small, '--load', path.join(models, 'gru'), '--test', '15', '--horizon', '3', '--json');
  assert.equal(loaded.status, 0, loaded.stderr);
  const output = JSON.parse(loaded.stdout) as ForecastJson;
  assert.deepEqual(output.models.map((model) => [model.name, model.msPerEpoch]), [['gru', 0]]);
  assert.equal(output.forecast.length, 3);
});

test('wrong usage exits 2 with the forecast usage; bad values and bad files exit 1 with one clear line', () => {
  const noCsv = runCli('forecast', '--model', 'mlp');
  assert.equal(noCsv.status, 2);
  assert.match(noCsv.stderr, /^Give the CSV file to forecast with --csv FILE\.\n\nUsage: rnn-studio forecast --csv FILE/);
  const unknown = runCli('forecast', '--csv', small, '--windw', '3');
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /Unknown option '--windw'/);
  const badWindow = runCli('forecast', '--csv', small, '--window', 'wide');
  assert.equal(badWindow.status, 1);
  assert.equal(badWindow.stderr.trim(), '--window must be a whole number from 1 to 5000, not "wide".');
  const badModel = runCli('forecast', '--csv', small, '--model', 'transformer');
  assert.match(badModel.stderr, /^--model must be one of mlp, rnn, lstm, gru, not "transformer"\./);
  const ragged = path.join(work, 'ragged.csv');
  spawnSync('sh', ['-c', `printf 'a,b\\n1,2\\n3\\n' > '${ragged}'`]);
  const bad = runCli('forecast', '--csv', ragged, '--json');
  assert.equal(bad.status, 1);
  assert.equal(bad.stdout, '');
  assert.equal(bad.stderr.trim(), `Cannot read ${ragged}: line 3 has 1 fields but the header (line 1) has 2 (ragged rows).`);
  const help = runCli('forecast', '--help');
  assert.equal(help.status, 0);
  assert.match(help.stdout, /^Usage: rnn-studio forecast --csv FILE \[options\]/);
  assert.match(runCli('--help').stdout, /rnn-studio forecast --csv FILE \[options\]/);
});

test('a model that loses to the baseline: the text output ends with what to try, --json carries the same suggestions', () => {
  // The tutorial recipe, one epoch of the MLP on the level: far from the last value.
  const args = ['forecast', '--csv', small, '--recipe', 'tutorial', '--epochs', '1', '--window', '10', '--test', '10', '--backend', 'wasm'];
  const text = runCli(...args);
  assert.equal(text.status, 0, text.stderr);
  assert.match(text.stdout, /\nWhat to try:\n- recipe: auto: MLP [\d-]+ does not beat .* on the held-out points \(MAE [\d.]+ vs [\d.]+\)/);
  const json = runCli(...args, '--json');
  assert.equal(json.status, 0, json.stderr);
  const output = JSON.parse(json.stdout.trim()) as ForecastJson;
  assert.equal(output.suggestions[0].setting, 'recipe');
  assert.deepEqual(output.suggestions[0].change, { recipe: 'auto' });
  assert.ok(text.stdout.includes(output.suggestions[0].reason), 'the same reason in both');
});
