import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Backtest, BacktestRow } from '../../src/core/forecast/backtest';
import { validateForecastSettings } from '../../src/core/forecast/forecastSettingsValidation';
import { leaderboard } from '../../src/core/forecast/leaderboard';
import { chooseEnsemble, ensembleNote, medianOf, medianPathFrom } from '../../src/core/forecast/seedEnsemble';
import { validationScore, type ValidationForecasts } from '../../src/core/forecast/validationScore';
import { parseForecastCommandLine } from '../../src/cli/forecastOptions';
import { UserError } from '../../src/core/userError';

/** A validation part of 6 points on a line and 2 paths of 3 steps; a member's predictions are the truth plus `offsets` (one per point / step, cycled). */
const truth = [10, 11, 12, 13, 14, 15];
function member(offsets: number[]): ValidationForecasts {
  const at = (i: number) => offsets[i % offsets.length];
  return {
    previous: truth.map((x) => x - 1),
    predicted: truth.map((x, i) => x + at(i)),
    actual: truth,
    start: [11, 13],
    paths: [
      [12 + at(0), 13 + at(1), 14 + at(2)],
      [14 + at(3), 15 + at(4), 16 + at(5)],
    ],
    pathActual: [
      [12, 13, 14],
      [14, 15, 16],
    ],
    block: 1,
  };
}

test('the element-wise median of the members, and of their paths from an origin', () => {
  assert.deepEqual(medianOf([[1, 5, 3], [2, 2, 9], [3, 1, 4]]), [2, 2, 4]);
  assert.deepEqual(medianOf([[1, 10], [3, 20]]), [2, 15], 'an even count averages the middle two');
  const paths = [(origin: number, h: number) => Array.from({ length: h }, () => origin), (origin: number, h: number) => Array.from({ length: h }, (_, k) => origin + 2 * k), () => [0, 0, 0]];
  assert.deepEqual(medianPathFrom(paths)(5, 3), [5, 5, 5]);
});

test('a median that beats the best member on the validation part is used', () => {
  // Each member is far off at one point in three, a different one: the median never is.
  const members = [member([1.2, -0.2, -0.2]), member([-0.2, 1, -0.2]), member([-0.2, -0.2, 1.4])];
  const choice = chooseEnsemble(members);
  assert.equal(choice.used, 'median');
  assert.equal(choice.best, 1, 'the member closest to the truth');
  assert.ok(choice.median && choice.median.score < choice.members[1].score);
  assert.ok(choice.median && Math.abs(choice.median.oneStep - 0.2) < 1e-9);
  const note = ensembleNote('LSTM 64', [42, 43, 44], choice, 3);
  assert.match(note, /^LSTM 64: the median of 3 seeds \(42–44\), which beats the best seed, 43, on the validation part \(the median: one-step MAE 0\.2000, 3-step MAE [\d.]+; seed 43: one-step MAE [\d.]+, 3-step MAE [\d.]+\)\.$/);
});

test('a median that does not beat the best member is not used: the best member is', () => {
  // One member close to the truth, two far off on the same side: the median is a far one.
  const members = [member([2]), member([0.1]), member([3])];
  const choice = chooseEnsemble(members);
  assert.equal(choice.used, 'best');
  assert.equal(choice.best, 1);
  assert.ok(choice.median && choice.median.score > choice.members[1].score);
  assert.match(ensembleNote('MLP 56-32', [42, 43, 44], choice, 3), /^MLP 56-32: seed 43 kept, the best of 3 seeds \(42–44\) on the validation part; their median does not beat it there \(the median: one-step MAE 2\.000, 3-step MAE 2\.000; seed 43: one-step MAE 0\.1000, 3-step MAE 0\.1000\)\.$/);
  // A single member is its own choice; no validation part: the first seed, said so.
  assert.deepEqual(chooseEnsemble([member([1])]).used, 'best');
  const none: ValidationForecasts = { previous: [], predicted: [], actual: [], start: [], paths: [], pathActual: [], block: 1 };
  const blind = chooseEnsemble([none, none]);
  assert.deepEqual([blind.used, blind.best], ['best', 0]);
  assert.match(ensembleNote('GRU 8', [7, 8], blind, 3), /seed 7 kept of 2 seeds \(7–8\): there is no validation part/);
});

test('the validation score: one step and multi-step, each relative to the last value', () => {
  const score = validationScore(member([0.5]));
  assert.equal(score.oneStep, 0.5);
  assert.equal(score.multiStep, 0.5);
  // The last value errs by 1 one step ahead, and by 1, 2, 3 over a path (mean 2).
  assert.ok(Math.abs(score.score - (Math.log(0.5 / 1) + Math.log(0.5 / 2)) / 2) < 1e-12);
});

const metrics = (mae: number) => ({ mae, rmse: mae + 1, mape: 1, mase: mae / 2 });
const row = (name: string, baseline: boolean, mean: number): BacktestRow => {
  const spread = { mean, std: 0, min: mean, max: mean };
  return { name, label: name, baseline, oneStep: spread, multiStep: spread, perStep: [mean] };
};

test('with a backtest of 2+ origins the leaderboard ranks by its mean multi-step MAE, not the held-out split', () => {
  const models = [
    { name: 'mlp', label: 'MLP', metrics: metrics(1) },
    { name: 'lstm', label: 'LSTM', metrics: metrics(2) },
  ];
  const baselines = [{ name: 'persistence', label: 'Last value', metrics: metrics(1.5) }];
  const backtest: Backtest = { origins: [100, 110, 120], originTimes: [0, 1, 2], horizon: 5, rows: [row('mlp', false, 4), row('lstm', false, 2), row('persistence', true, 3)] };
  const heldOut = leaderboard(models, baselines);
  assert.deepEqual(heldOut.map((e) => [e.name, e.beatsBaseline, e.rankedBy]), [['mlp', true, 'heldOut'], ['persistence', false, 'heldOut'], ['lstm', false, 'heldOut']]);
  const ranked = leaderboard(models, baselines, backtest);
  assert.deepEqual(ranked.map((e) => [e.rank, e.name, e.beatsBaseline, e.rankedBy, e.backtestMae]), [
    [1, 'lstm', true, 'backtest', 2],
    [2, 'persistence', false, 'backtest', 3],
    [3, 'mlp', false, 'backtest', 4],
  ]);
  // One origin is one split's luck: ranked as without a backtest.
  const single = leaderboard(models, baselines, { ...backtest, origins: [100], originTimes: [0] });
  assert.deepEqual(single.map((e) => e.name), heldOut.map((e) => e.name));
});

test('ensemble: 3 by default, 1 in the tutorial recipe; 0, 11 and 2.5 are refused naming the setting', () => {
  assert.equal(validateForecastSettings({}).ensemble, 3);
  assert.equal(validateForecastSettings({ recipe: 'tutorial' }).ensemble, 1);
  assert.equal(validateForecastSettings({ ensemble: '5' }).ensemble, 5);
  for (const bad of [0, 11, 2.5]) {
    assert.throws(
      () => validateForecastSettings({ ensemble: bad }),
      (error: unknown) => error instanceof UserError && /^ensemble must be a whole number from 1 to 10/.test(error.message),
      String(bad),
    );
  }
  const cli = parseForecastCommandLine(['--csv', 'a.csv', '--ensemble', '4']);
  assert.equal(cli === 'help' ? undefined : cli.settings.ensemble, 4);
  assert.throws(() => parseForecastCommandLine(['--csv', 'a.csv', '--ensemble', '0']), /--ensemble must be a whole number from 1 to 10, not "0"/);
});
