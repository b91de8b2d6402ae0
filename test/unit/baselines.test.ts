import assert from 'node:assert/strict';
import { test } from 'node:test';
import { heldOutBaselines } from '../../src/core/forecast/baselines';
import { bestBaseline, leaderboard } from '../../src/core/forecast/leaderboard';
import { forecastMetrics, naiveScale, seasonalNaivePredictions } from '../../src/core/forecast/metrics';

test('seasonal naive: each held-out point is the actual value one period before it, held-out values included', () => {
  const levels = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  assert.deepEqual(seasonalNaivePredictions(levels, 6, 3), [4, 5, 6, 7]);
  assert.deepEqual(seasonalNaivePredictions(levels, 6, 1), [6, 7, 8, 9], 'period 1 is persistence');
  assert.deepEqual(seasonalNaivePredictions(levels, 6, 6), [1, 2, 3, 4]);
  assert.throws(() => seasonalNaivePredictions(levels, 6, 7), /period must be 1\.\.6 \(got 7\)/);
  assert.throws(() => seasonalNaivePredictions(levels, 6, 0), /period/);
});

/** A weekly pattern: the same value every 7 days, plus a little drift. */
const weekly = Array.from({ length: 70 }, (_, i) => [10, 12, 15, 11, 9, 30, 31][i % 7] + i / 100);

test('the baselines of a daily series: persistence first, then the same day last week, with metrics on the held-out part', () => {
  const first = 56;
  const scale = naiveScale(weekly.slice(0, first));
  const [persistence, seasonal, ...rest] = heldOutBaselines(weekly, first, 'day', scale);
  assert.equal(rest.length, 0);
  assert.deepEqual([persistence.name, persistence.label, persistence.period], ['persistence', 'Last value (persistence)', 1]);
  assert.deepEqual(persistence.predicted, weekly.slice(first - 1, -1));
  assert.deepEqual([seasonal.name, seasonal.label, seasonal.period], ['seasonalNaive', 'Same day last week (seasonal naive, 7 days)', 7]);
  assert.deepEqual(seasonal.predicted, weekly.slice(first - 7, -7));
  assert.deepEqual(seasonal.metrics, forecastMetrics(weekly.slice(first), seasonal.predicted, scale));
  assert.ok(Math.abs(seasonal.metrics.mae - 0.07) < 1e-9, 'only the drift of a week is missed');
  assert.ok(seasonal.metrics.mae < persistence.metrics.mae);
  assert.equal(bestBaseline([persistence, seasonal]), seasonal);
});

test('each interval names its season; none without one, or with a training part shorter than two seasons', () => {
  const label = (interval: Parameters<typeof heldOutBaselines>[2], first = 60) => heldOutBaselines(Array.from({ length: first + 5 }, (_, i) => i), first, interval, 1).map((b) => b.label);
  assert.deepEqual(label('month'), ['Last value (persistence)', 'Same month last year (seasonal naive, 12 months)']);
  assert.deepEqual(label('businessday'), ['Last value (persistence)', 'Same weekday last week (seasonal naive, 5 business days)']);
  assert.deepEqual(label('hour'), ['Last value (persistence)', 'Same hour yesterday (seasonal naive, 24 hours)']);
  assert.deepEqual(label('week', 104), ['Last value (persistence)', 'Same week last year (seasonal naive, 52 weeks)']);
  assert.deepEqual(label('minute', 120), ['Last value (persistence)', 'Same minute last hour (seasonal naive, 60 minutes)']);
  assert.deepEqual(label('week', 103), ['Last value (persistence)'], 'under two years of weeks');
  assert.deepEqual(label('day', 13), ['Last value (persistence)'], 'under two weeks of days');
  assert.deepEqual(label('day', 14), ['Last value (persistence)', 'Same day last week (seasonal naive, 7 days)']);
  assert.deepEqual(label('none'), ['Last value (persistence)'], 'a straight line: its differences do not vary');
});

test('a series that is not resampled gets a seasonal baseline only when its differences repeat (autocorrelation above 0.3)', () => {
  // A cycle of 12 points with noise: the lag of 12 correlates most.
  let seed = 3;
  const noise = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32 - 0.5);
  const cyclic = Array.from({ length: 300 }, (_, i) => 50 + 10 * Math.sin((2 * Math.PI * i) / 12) + noise());
  const [, seasonal, ...rest] = heldOutBaselines(cyclic, 250, 'none', 1);
  assert.equal(rest.length, 0);
  assert.deepEqual([seasonal.name, seasonal.label, seasonal.period], ['seasonalNaive', 'Same point last cycle (seasonal naive, 12 points)', 12]);
  assert.deepEqual(seasonal.predicted, cyclic.slice(238, 288));
  // A random walk: no lag correlates enough.
  let level = 100;
  const walk = Array.from({ length: 300 }, () => (level += noise()));
  assert.deepEqual(heldOutBaselines(walk, 250, 'none', 1).map((b) => b.name), ['persistence']);
  // Too short for a lag of 2 (n / 3 < 2).
  assert.deepEqual(heldOutBaselines([1, 5, 1, 5, 1, 5, 1], 5, 'none', 1).map((b) => b.name), ['persistence']);
});

test('the leaderboard lists every baseline; a model beats the baseline only when its MAE is below the best one', () => {
  const m = (mae: number) => ({ mae, rmse: mae + 1, mape: 1, mase: mae / 2 });
  const board = leaderboard(
    [
      { name: 'mlp', label: 'MLP', metrics: m(1.5) },
      { name: 'lstm', label: 'LSTM', metrics: m(0.5) },
      { name: 'gru', label: 'GRU', metrics: m(1) },
    ],
    [
      { name: 'persistence', label: 'Last value (persistence)', metrics: m(2) },
      { name: 'seasonalNaive', label: 'Same day last week (seasonal naive, 7 days)', metrics: m(1) },
    ],
  );
  assert.deepEqual(board.map((e) => [e.rank, e.name, e.baseline, e.beatsBaseline]), [
    [1, 'lstm', false, true],
    [2, 'gru', false, false],
    [3, 'seasonalNaive', true, false],
    [4, 'mlp', false, false],
    [5, 'persistence', true, false],
  ]);
  assert.equal(board[2].label, 'Same day last week (seasonal naive, 7 days)');
  // MLP beats persistence but not the seasonal baseline: it does not beat "the baseline".
  assert.equal(board.find((e) => e.name === 'mlp')?.beatsBaseline, false);
  // A NaN MAE is never the best baseline, and never beats one.
  const nan = leaderboard([{ name: 'mlp', label: 'MLP', metrics: m(NaN) }], [
    { name: 'persistence', label: 'P', metrics: m(3) },
    { name: 'seasonalNaive', label: 'S', metrics: m(NaN) },
  ]);
  assert.deepEqual(nan.map((e) => [e.name, e.beatsBaseline]), [['persistence', false], ['mlp', false], ['seasonalNaive', false]]);
  assert.equal(bestBaseline([{ name: 'persistence', label: 'P', metrics: m(3) }, { name: 'seasonalNaive', label: 'S', metrics: m(NaN) }])?.name, 'persistence');
});
