/**
 * Host messages for the forecast panel, as the extension host would send them, around a
 * realistic ForecastJobResult: 400 daily closes of a trending, weekly-seasonal price, the last
 * 60 held out, an MLP that beats both baselines (the last value, the same day last week) and an
 * LSTM that beats neither, a 30-day forecast. Metrics, baselines and the leaderboard come from
 * the core's own functions.
 */
import type { BacktestRow } from '../../src/core/forecast/backtest';
import type { ForecastJobResult, ModelRun } from '../../src/core/forecast/forecastResult';
import type { LossPoint } from '../../src/protocol/common';
import type { ForecastHostMessage } from '../../src/protocol/forecast';
import { heldOutBaselines } from '../../src/core/forecast/baselines';
import { bestBaseline, leaderboard } from '../../src/core/forecast/leaderboard';
import { forecastMetrics, naiveScale } from '../../src/core/forecast/metrics';
import { runRecord } from '../../src/core/runs/runRecord';
import { summarizeRun, type RunSummary } from '../../src/core/runs/runSummary';
import { validateForecastSettings } from '../../src/core/forecast/forecastSettingsValidation';
import type { Suggestion } from '../../src/core/forecast/suggestions';
import { runSettingsOf, type RunSettings } from '../../src/protocol/forecastRunSettings';
import { partialPlotResult } from '../../src/extension/partialResult';

type Of<T extends ForecastHostMessage['type']> = Extract<ForecastHostMessage, { type: T }>;

export const DAY = 86_400_000;
export const START = Date.UTC(2023, 0, 1);
export const FILE = 'btc-daily.csv';
export const POINTS = 400;
export const TEST = 60;
export const WINDOW = 60;
export const HORIZON = 30;
export const EPOCHS = 50;

/** A deterministic pseudo-random sequence in [-1, 1). */
function noise(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (s / 2 ** 32) * 2 - 1;
  };
}

export interface FixtureOptions {
  points?: number;
  test?: number;
  /** Days between points (1: daily). */
  stepDays?: number;
}

/** The series: a trend, a weekly cycle, a slow swing and noise, around 20,000. */
export function priceSeries(points = POINTS, stepDays = 1): { t: number[]; value: number[] } {
  const r = noise(7);
  const t: number[] = [];
  const value: number[] = [];
  let walk = 0;
  for (let i = 0; i < points; i++) {
    walk += r() * 120;
    t.push(START + i * stepDays * DAY);
    value.push(20_000 + i * 18 + 900 * Math.sin((2 * Math.PI * i) / 7) * 0.35 + 2_400 * Math.sin(i / 45) + walk);
  }
  return { t, value };
}

function lossCurve(epochs: number, start: number, end: number, seed: number, withVal: boolean): { loss: number[]; val: number[] } {
  const r = noise(seed);
  const loss: number[] = [];
  const val: number[] = [];
  for (let e = 1; e <= epochs; e++) {
    const base = end + (start - end) * Math.exp(-e / 7);
    loss.push(base * (1 + 0.06 * r()));
    if (withVal) val.push(base * 1.25 * (1 + 0.1 * r()) + 0.0004 * Math.max(0, e - 30));
  }
  return { loss, val };
}

/** A backtest row with a one-step and a multi-step mean MAE (spread ±20 %), its per-step MAE growing to the multi-step mean. */
function backtestRow(name: string, label: string, baseline: boolean, oneStep: number, multiStep: number): BacktestRow {
  const spread = (mean: number) => ({ mean, std: 0.2 * mean, min: 0.7 * mean, max: 1.3 * mean });
  return { name, label, baseline, oneStep: spread(oneStep), multiStep: spread(multiStep), perStep: Array.from({ length: HORIZON }, (_, k) => oneStep + ((multiStep - oneStep) * 2 * k) / HORIZON) };
}

export function forecastResult(options: FixtureOptions = {}): ForecastJobResult {
  const points = options.points ?? POINTS;
  const test = options.test ?? TEST;
  const stepDays = options.stepDays ?? 1;
  const series = priceSeries(points, stepDays);
  const index = points - test;
  const heldOut = { t: series.t.slice(index), value: series.value.slice(index) };
  const scale = naiveScale(series.value.slice(0, index));
  // The last value, and the same day last week.
  const baselines = heldOutBaselines(series.value, index, 'day', scale);
  const baselinePredicted = baselines[0].predicted;
  const r = noise(11);
  // The MLP: close to the truth. The LSTM: lagging, biased and noisy (worse than the baseline).
  const mlpPredicted = heldOut.value.map((v, k) => 0.62 * v + 0.38 * baselinePredicted[k] + r() * 90);
  const lstmPredicted = baselinePredicted.map((v, k) => v - 260 + r() * 420 + (k > 0 ? 0.3 * (baselinePredicted[k] - baselinePredicted[k - 1]) : 0));
  const last = series.value[points - 1];
  const lastT = series.t[points - 1];
  const future = (drift: number, wiggle: number) => ({
    t: Array.from({ length: HORIZON }, (_, k) => lastT + (k + 1) * stepDays * DAY),
    value: Array.from({ length: HORIZON }, (_, k) => last + drift * (k + 1) + wiggle * Math.sin((2 * Math.PI * (k + 1)) / 7)),
  });
  const mlpLoss = lossCurve(EPOCHS, 0.09, 0.0021, 3, true);
  const lstmLoss = lossCurve(38, 0.12, 0.0048, 5, true);
  const windows = index - WINDOW;
  const validation = Math.round(windows * 0.1);
  const models: ModelRun[] = [
    {
      name: 'mlp',
      label: 'MLP 56-32',
      spec: { preset: 'mlp', units: [56, 32] },
      epochs: EPOCHS,
      shrinkage: 1,
      pathShrinkage: 1,
      epochsRun: EPOCHS,
      lossHistory: mlpLoss.loss,
      valLossHistory: mlpLoss.val,
      bestEpoch: 47,
      stoppedEarly: false,
      cancelled: false,
      msPerEpoch: 41.7,
      finalLoss: mlpLoss.loss[EPOCHS - 1],
      trainWindows: windows - validation,
      validationWindows: validation,
      predicted: mlpPredicted,
      metrics: forecastMetrics(heldOut.value, mlpPredicted, scale),
      forecast: future(22, 180),
    },
    {
      name: 'lstm',
      label: 'LSTM 64',
      spec: { preset: 'lstm', units: [64] },
      epochs: EPOCHS,
      shrinkage: 1,
      pathShrinkage: 1,
      epochsRun: 38,
      lossHistory: lstmLoss.loss,
      valLossHistory: lstmLoss.val,
      bestEpoch: 30,
      stoppedEarly: true,
      cancelled: false,
      msPerEpoch: 318.4,
      finalLoss: lstmLoss.loss[37],
      trainWindows: windows - validation,
      validationWindows: validation,
      predicted: lstmPredicted,
      metrics: forecastMetrics(heldOut.value, lstmPredicted, scale),
      forecast: future(-8, 60),
    },
  ];
  const board = leaderboard(models, baselines);
  const bestBase = bestBaseline(baselines);
  const best = [...models].sort((a, b) => a.metrics.mae - b.metrics.mae)[0];
  return {
    ingest: {
      file: FILE,
      bytes: 1_234_567,
      column: 'Close',
      timeColumn: 'Timestamp',
      timeFormat: 'unix-s',
      timeKind: 'time',
      rows: points + 12,
      rowsSkipped: 3,
      skipped: { missingValue: 2, nonNumericValue: 1, badTime: 0 },
      duplicates: 9,
      outOfOrder: 0,
      resample: 'day',
      resampleReason: 'one row per day',
      aggregation: 'mean',
      gaps: 2,
      points,
      step: stepDays * DAY,
    },
    series,
    split: { index, time: series.t[index], trainPoints: index, testPoints: test, window: WINDOW, windows },
    heldOut,
    baselines,
    models,
    leaderboard: board,
    forecast: { ...best.forecast, model: best.name },
    backtest: {
      origins: [index, index + 7, index + 15, index + 22, index + test - HORIZON],
      originTimes: [index, index + 7, index + 15, index + 22, index + test - HORIZON].map((o) => series.t[o]),
      horizon: HORIZON,
      rows: [
        backtestRow('mlp', 'MLP 56-32', false, 61.2, 142.5),
        backtestRow('lstm', 'LSTM 64', false, 240.8, 311.9),
        ...baselines.map((b, i) => backtestRow(b.name, b.label, true, 88.4 + 40 * i, 170.3 + 60 * i)),
      ],
    },
    intervals: {
      model: best.name,
      calibration: 'validation',
      calibrationOrigins: 100,
      calibratedSteps: HORIZON,
      coveragePoints: 5 * HORIZON,
      levels: ([[0.8, 80, 0.83], [0.95, 125, 0.96]] as const).map(([level, width, coverage]) => {
        const halfWidth = best.forecast.value.map((_, k) => width * Math.sqrt(k + 1));
        return { level, halfWidth, coverage, lower: best.forecast.value.map((v, k) => v - halfWidth[k]), upper: best.forecast.value.map((v, k) => v + halfWidth[k]) };
      }),
    },
    chosen: { recipe: 'auto', interval: 'day', transform: 'diff', window: WINDOW, backtest: 5 },
    horizon: HORIZON,
    warnings: [
      `3 of ${points + 12} rows were skipped in "Close": 2 missing values, 1 non-numeric value.`,
      '9 rows have the same time as another row (duplicates); they are part of their day\'s mean.',
      '2 days have no data (gaps); the series goes from one point to the next across them.',
      `LSTM 64 does not beat the best baseline, ${bestBase.label}, on the held-out points (MAE ${models[1].metrics.mae.toPrecision(4)} vs ${bestBase.metrics.mae.toPrecision(4)}).`,
    ],
    cancelled: false,
  };
}

export const BACKEND: ForecastHostMessage = { type: 'backend', backend: { name: 'wasm', requested: 'auto' } };

/** `fraction` of a file of `totalBytes` with `totalRows` rows read. */
export function ingestProgress(runId: number, fraction: number, totalBytes = 1_234_567, totalRows = 412): Of<'ingestProgress'> {
  return { type: 'ingestProgress', runId, file: FILE, bytesRead: Math.round(totalBytes * fraction), totalBytes, rows: Math.round(totalRows * fraction) };
}

/** The settings of the fixture's run as the form shows them: the MLP and the LSTM, the auto recipe. */
export function runSettings(result = forecastResult()): RunSettings {
  return runSettingsOf(validateForecastSettings({ models: result.models.map((m) => m.name), epochs: EPOCHS, test: result.split.testPoints, horizon: HORIZON }));
}

export function forecastStarted(runId: number, result = forecastResult()): Of<'forecastStarted'> {
  return { type: 'forecastStarted', runId, ingest: result.ingest, split: result.split, models: result.models.map((m) => m.name), epochs: EPOCHS, loaded: false, settings: runSettings(result) };
}

/** What the job knows before training (for the partial results). */
function jobStart(result: ForecastJobResult) {
  const { ingest, split, series, heldOut, baselines, horizon } = result;
  const settings = validateForecastSettings({ models: result.models.map((m) => m.name), epochs: EPOCHS });
  return { ingest, split, series, heldOut, baselines, horizon, settings, chosen: result.chosen, models: settings.models, epochs: EPOCHS, loaded: false };
}

/** The series is read: plotted with the baselines, no model yet. */
export function forecastSeries(runId: number, result = forecastResult()): Of<'forecastSeries'> {
  return { type: 'forecastSeries', runId, result: partialPlotResult(runId, jobStart(result), []) };
}

/** Models 0..`modelIndex` are done. */
export function forecastModelDone(runId: number, modelIndex: number, result = forecastResult()): Of<'forecastModelDone'> {
  return { type: 'forecastModelDone', runId, modelIndex, result: partialPlotResult(runId, jobStart(result), result.models.slice(0, modelIndex + 1)) };
}

/** A suggestion as the core makes one (the LSTM alone loses). */
export const SUGGESTION: Suggestion = {
  setting: 'transform',
  change: { transform: 'level', window: 14 },
  label: 'transform: level, window: 14',
  reason: 'LSTM 64 does not beat Last value (persistence) on the held-out points (MAE 310.2 vs 250.1). On the validation part, the level from 14 days scored MAE 101.3 (the last value: 120.4), close to the chosen the change from 14 days (99.80).',
};

/** Epochs `from`..`to` (1-based) of model `modelIndex`, with its validation loss. */
export function forecastProgress(runId: number, modelIndex: number, from: number, to: number, result = forecastResult()): Of<'forecastProgress'> {
  const model = result.models[modelIndex];
  const points: LossPoint[] = [];
  for (let e = from; e <= to; e++) points.push({ epoch: e, loss: model.lossHistory[e - 1], valLoss: model.valLossHistory[e - 1] });
  const msPerEpoch = model.msPerEpoch;
  const left = model.epochs - to + (result.models.length - modelIndex - 1) * EPOCHS;
  // As the host sends them: the model's own time since its training started, and the run's estimated rest.
  return {
    type: 'forecastProgress',
    runId,
    model: model.name,
    modelIndex,
    points,
    epochs: model.epochs,
    elapsedMs: to * msPerEpoch,
    remainingMs: left * msPerEpoch,
  };
}

export function forecastFinished(runId: number, result = forecastResult()): Of<'forecastFinished'> {
  return { type: 'forecastFinished', runId, result };
}

/** A whole run as the host sends it, ready to replay. */
export function completedRun(runId: number, result = forecastResult()): ForecastHostMessage[] {
  return [
    BACKEND,
    ingestProgress(runId, 0.4),
    ingestProgress(runId, 1),
    forecastStarted(runId, result),
    forecastProgress(runId, 0, 1, 25, result),
    forecastProgress(runId, 0, 26, 50, result),
    forecastProgress(runId, 1, 1, 38, result),
    forecastFinished(runId, result),
  ];
}

/** A kept run of the fixture's result that finished `minutesAgo` before `now`, as the host lists it. */
export function keptRun(minutesAgo: number, settings: object = { recipe: 'auto', models: ['mlp', 'lstm'], epochs: EPOCHS }, now = Date.now(), result = forecastResult()): RunSummary {
  const finishedAt = new Date(now - minutesAgo * 60_000);
  return summarizeRun(runRecord({ csv: `data/${FILE}`, settings, result, startedAt: new Date(finishedAt.getTime() - 60_000), finishedAt }));
}

/** The host's list of kept runs; `shown`: the run the panel's result (`runId`) is. */
export function runHistory(runs: RunSummary[], shown?: { id: string; runId: number }, skipped = 0): Of<'runHistory'> {
  return { type: 'runHistory', runs, skipped, ...(skipped > 0 ? { skippedReason: 'x.json: not JSON' } : {}), ...(shown ? { shown } : {}) };
}
