import assert from 'node:assert/strict';
import { test } from 'node:test';
import { forecastCsv } from '../../src/core/forecast/forecastCsv';
import type { ForecastJobResult, ModelRun } from '../../src/core/forecast/forecastResult';

const DAY = 86_400_000;
const day = (n: number) => Date.UTC(2021, 0, 1) + n * DAY;
const metrics = { mae: 1, rmse: 1, mape: 1, mase: 1 };

function run(name: string, predicted: number[], forecast: number[]): ModelRun {
  return {
    name, label: name, spec: { preset: 'mlp', units: [56, 32] }, epochs: 1, shrinkage: 1, pathShrinkage: 1, epochsRun: 1, lossHistory: [1], valLossHistory: [],
    bestEpoch: 1, stoppedEarly: false, cancelled: false, msPerEpoch: 1, finalLoss: 1, trainWindows: 1, validationWindows: 0,
    predicted, metrics, forecast: { t: forecast.map((_, i) => day(3 + i)), value: forecast },
  };
}

function result(timeKind: 'time' | 'index'): ForecastJobResult {
  return {
    ingest: { timeKind } as ForecastJobResult['ingest'],
    series: { t: [day(0), day(1), day(2)], value: [1, 2, 3] },
    split: { index: 1, time: day(1), trainPoints: 1, testPoints: 2, window: 1, windows: 0 },
    heldOut: { t: [day(1), day(2)], value: [2, 3] },
    baselines: [
      { name: 'persistence', label: 'Last value (persistence)', period: 1, predicted: [1, 2], metrics },
      { name: 'seasonalNaive', label: 'Same day last week (seasonal naive, 7 days)', period: 7, predicted: [0.5, NaN], metrics },
    ],
    models: [run('mlp', [2.5, NaN], [4, 5]), run('lstm', [2.1, 2.9], [4.2])],
    leaderboard: [],
    forecast: null,
    backtest: null,
    intervals: null,
    chosen: { recipe: 'auto', interval: 'day', transform: 'diff', window: 1, backtest: 0 },
    horizon: 2,
    warnings: [],
    cancelled: false,
  };
}

test('held-out rows carry actual, each baseline and each model; forecast rows each model; NaN and gaps are empty', () => {
  assert.equal(
    forecastCsv(result('time')),
    [
      'time,part,actual,persistence,seasonalNaive,mlp,lstm',
      '2021-01-02,held-out,2,1,0.5,2.5,2.1',
      '2021-01-03,held-out,3,2,,,2.9',
      '2021-01-04,forecast,,,,4,4.2',
      '2021-01-05,forecast,,,,5,',
      '',
    ].join('\n'),
  );
});

test('without a time column the time is the row number', () => {
  const csv = forecastCsv({ ...result('index'), heldOut: { t: [7, 8], value: [2, 3] } });
  assert.match(csv, /^time,part,actual,persistence,seasonalNaive,mlp,lstm\n7,held-out,2,1,0\.5,2\.5,2\.1\n8,held-out,/);
});

test('with intervals, the forecast rows carry the forecast model\'s 80 % and 95 % bounds', () => {
  const level = (l: number, w: number) => ({ level: l, halfWidth: [w, w], lower: [4 - w, 5 - w], upper: [4 + w, 5 + w], coverage: l });
  const csv = forecastCsv({
    ...result('time'),
    forecast: { model: 'mlp', t: [day(3), day(4)], value: [4, 5] },
    intervals: { model: 'mlp', calibration: 'validation', calibrationOrigins: 10, calibratedSteps: 2, coveragePoints: 4, levels: [level(0.8, 1), level(0.95, 2)] },
  });
  const lines = csv.split('\n');
  assert.equal(lines[0], 'time,part,actual,persistence,seasonalNaive,mlp,lstm,lower80,upper80,lower95,upper95');
  assert.equal(lines[1], '2021-01-02,held-out,2,1,0.5,2.5,2.1,,,,');
  assert.equal(lines[3], '2021-01-04,forecast,,,,4,4.2,3,5,2,6');
  assert.equal(lines[4], '2021-01-05,forecast,,,,5,,4,6,3,7');
});
