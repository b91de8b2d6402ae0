import path from 'node:path';
import type { IngestProgress } from '../csv/csvIngest';
import { chooseDataShape, type ShapeProbe } from './dataShape';
import type { Baseline, ChosenSettings, ForecastJobResult, IngestSummary, ModelRun, SplitInfo } from './forecastResult';
import type { ForecastSettings } from './forecastSettings';
import { validateForecastSettings } from './forecastSettingsValidation';
import { saveForecaster, loadForecaster } from './forecastStore';
import type { FitEpoch } from './forecastTraining';
import { heldOutBaselines } from './baselines';
import { bestBaseline, bestModel, leaderboard } from './leaderboard';
import { naiveScale } from './metrics';
import { futureTimes } from './predictions';
import { presetSpec, type ModelSpec } from './forecasters';
import { seriesFromCsv } from './seriesFromCsv';
import { calendarCyclesOf } from './calendarCycles';
import { describeCovariates } from './covariates';
import { suggestSettings } from './suggestions';
import { trainedForecaster, type TrainedForecaster } from './trainedForecaster';
import { backtestBaselines, backtestResult, jobBacktest } from './jobBacktest';
import type { ForecastIntervals } from './predictionIntervals';
import { trainModelRun, type ModelRunContext, type SavedMember } from './trainModelRun';

export interface ForecastJobOptions {
  /** The CSV file to read. */
  csv: string;
  /** Settings (validated here; missing ones take DEFAULT_FORECAST_SETTINGS). */
  settings?: Partial<ForecastSettings>;
  /**
   * A folder saved by a previous run: its model forecasts this CSV without training, with its
   * own window, transform, scaler, aggregation, and (unless `settings` name others) its
   * column, time column and resampling. `settings.models` is ignored.
   */
  load?: string;
  /** Save each trained model: into this folder (one model) or `<save>/<preset>` (several). */
  save?: string;
  /** Stops reading the CSV (CancelledError) or training (as shouldStop). */
  signal?: AbortSignal;
}

/** Known once the series is ready, before training. */
export interface ForecastJobStart {
  ingest: IngestSummary;
  split: SplitInfo;
  /** The settings it runs with (validated). */
  settings: ForecastSettings;
  /** What the job chose for the automatic settings. */
  chosen: ChosenSettings;
  /** The series (resampled), the held-out points and the baselines' forecasts of them: plotted before any model is done. */
  series: ForecastJobResult['series'];
  heldOut: ForecastJobResult['heldOut'];
  baselines: Baseline[];
  horizon: number;
  /** Presets about to train (or the loaded one), in order. */
  models: string[];
  epochs: number;
  /** Nothing trains: a saved model is applied. */
  loaded: boolean;
}

/** One finished epoch of one model. */
export interface ForecastEpoch extends FitEpoch {
  /** Preset of the model training. */
  model: string;
  /** 0-based position in ForecastJobStart.models. */
  modelIndex: number;
  models: number;
  /** 0-based seed of the model's ensemble training (its seed: settings.seed + member), of `members` (see seedEnsemble.ts). */
  member: number;
  members: number;
}

export interface ForecastJobCallbacks {
  onIngestProgress?: (progress: IngestProgress) => void;
  /** The auto recipe is about to fit a probe to choose the transform and window (before onStart). */
  onProbe?(probe: ShapeProbe): void;
  onStart?(start: ForecastJobStart): void;
  onEpoch?(epoch: ForecastEpoch): void;
  /** A model finished (trained, evaluated, forecast, saved): e.g. to grow a leaderboard live. */
  onModelDone?(run: ModelRun, index: number): void;
  /** Asked between chunks of the CSV and before every training batch: true stops. */
  shouldStop?(): boolean;
}

/** What the shrinkage did to a model's one-step predictions and its forecast past the end, for the warnings. */
function shrinkageNote(label: string, oneStep: number, path: number): string {
  const what = (alpha: number, of: string) =>
    alpha === 0 ? `${of} is the last value (no clear gain over it on the validation part)` : `${of} keeps ${Math.round(alpha * 100)} % of its changes from the last value`;
  if (oneStep === 0 && path === 0) return `${label}: the one-step prediction and the forecast past the end are the last value (no clear gain over it one step ahead on the validation part).`;
  return `${label}: ${what(oneStep, 'the one-step prediction')}; ${what(path, 'the forecast past the end')} (both fitted on the validation part).`;
}

/**
 * The whole forecasting job, for the CLI and the extension's worker alike:
 *   read the CSV (streaming, see readCsvSeries) -> sort, resample (see resample) -> split,
 *   transform, scale, window (see prepareForecastData) -> the baselines -> for each
 *   preset (see trainModelRun): build and train `ensemble` seeds (fused recurrent layers
 *   where there are any), their median or the best one (see seedEnsemble), predict the
 *   held-out points, metrics in the series' units, forecast `horizon` steps past the end on
 *   the series' time axis, backtest, save -> leaderboard (by the backtest when it has 2+
 *   origins).
 * With `load`, the saved model is applied instead of training. `shouldStop` (or `signal`)
 * cancels: while reading with a CancelledError; while training, the model being trained
 * keeps what it learned, later models are skipped, and the result says `cancelled`. Bad
 * input is refused with a UserError naming the file, line, column or setting.
 */
export async function runForecastJob(options: ForecastJobOptions, callbacks: ForecastJobCallbacks = {}): Promise<ForecastJobResult> {
  const settings = validateForecastSettings(options.settings ?? {});
  const shouldStop = () => options.signal?.aborted === true || callbacks.shouldStop?.() === true;
  const loaded = options.load === undefined ? undefined : await loadForecaster(options.load);
  try {
    const { series, points, interval, aggregation, ingest, label, formatTime, warnings, covariateColumns } = await seriesFromCsv(options.csv, settings, loaded, {
      shouldStop,
      onProgress: callbacks.onIngestProgress,
    });
    const horizonTimes = futureTimes(points.times[points.times.length - 1], interval, points.step, settings.horizon);
    const source = { calendar: loaded ? (loaded.covariates?.calendar ?? []) : calendarCyclesOf(interval), columns: covariateColumns, futureTimes: horizonTimes };
    const shape = await chooseDataShape(points, interval, settings, loaded, { label, formatTime, source }, shouldStop, (probe) => callbacks.onProbe?.(probe));
    const { data, validation } = shape;
    const split: SplitInfo = {
      index: data.testStart,
      time: data.times[data.testStart],
      trainPoints: data.testStart,
      testPoints: data.levels.length - data.testStart,
      window: data.window,
      windows: data.train.count,
    };
    if (shape.reason) warnings.push(shape.reason);
    const { layout } = data.covariates;
    if (layout.columns.length > 0) warnings.push(`Past the end of the data, the covariate columns (${describeCovariates({ calendar: [], columns: layout.columns })}) are held at their last values: the CSV does not hold their future.`);
    const levels = Array.from(data.levels);
    const actual = levels.slice(data.testStart);
    const scale = naiveScale(data.levels.subarray(0, data.testStart));
    const baselines = heldOutBaselines(data.levels, data.testStart, interval, scale);
    const baseline = bestBaseline(baselines);
    const plans = jobBacktest(data, validation, settings.backtest, settings.horizon);
    if (plans.warning) warnings.push(plans.warning);
    const backtestRows = backtestBaselines(plans, data.levels, baselines);
    const intervals = new Map<string, ForecastIntervals>();
    const specs: ModelSpec[] = loaded ? [loaded.spec] : settings.models.map((preset) => presetSpec(preset, settings));
    const seriesPoints = { t: Array.from(data.times), value: levels };
    const heldOut = { t: Array.from(data.times.subarray(data.testStart)), value: actual };
    const models = specs.map((spec) => spec.preset);
    const chosen: ChosenSettings = {
      recipe: settings.recipe,
      interval,
      transform: data.transform,
      window: data.window,
      backtest: settings.backtest,
      covariates: [...layout.calendar, ...layout.columns.map((column) => column.name)],
    };
    callbacks.onStart?.({ ingest, split, settings, chosen, series: seriesPoints, heldOut, baselines, horizon: settings.horizon, models, epochs: loaded ? 0 : settings.epochs, loaded: loaded !== undefined });
    const saveDir = (preset: string) => (options.save === undefined ? undefined : specs.length === 1 ? options.save : path.join(options.save, preset));
    const runs: ModelRun[] = [];
    let cancelled = false;
    for (const [index, spec] of specs.entries()) {
      if (cancelled || shouldStop()) {
        cancelled = true;
        break;
      }
      const dir = saveDir(spec.preset);
      const context: ModelRunContext = {
        data,
        validation,
        settings,
        plans,
        horizonTimes,
        actual,
        scale,
        ...(loaded && options.load !== undefined ? { loaded: { forecaster: loaded, from: path.resolve(options.load) } } : {}),
        models: specs.length,
        onEpoch: (epoch) => callbacks.onEpoch?.(epoch),
        shouldStop,
        ...(dir === undefined
          ? {}
          : {
              save: async (member: SavedMember) => {
                const forecaster: TrainedForecaster = trainedForecaster({
                  model: member.model,
                  spec,
                  window: data.window,
                  transform: data.transform,
                  scaler: data.scaler,
                  column: series.column.name,
                  timeColumn: series.time ? { name: series.time.name, format: series.time.format } : null,
                  resample: interval,
                  aggregation,
                  ...(data.covariates.count > 0 ? { covariates: layout } : {}),
                  seed: member.seed,
                  trainedOn: { file: path.basename(options.csv), points: levels.length, trainPoints: data.testStart },
                  finalLoss: member.fit.finalLoss,
                  shrinkage: member.shrinkage.oneStep,
                  pathShrinkage: member.shrinkage.path,
                });
                await saveForecaster(forecaster, dir);
                return path.resolve(dir);
              },
            }),
      };
      const trained = await trainModelRun(context, spec, index);
      const { run } = trained;
      if (trained.row) backtestRows.splice(runs.length, 0, trained.row);
      if (trained.intervals) intervals.set(spec.preset, trained.intervals);
      cancelled = trained.cancelled;
      runs.push(run);
      warnings.push(...trained.notes);
      if ((run.shrinkage < 1 || run.pathShrinkage < 1) && !loaded) warnings.push(shrinkageNote(run.label, run.shrinkage, run.pathShrinkage));
      callbacks.onModelDone?.(run, index);
      if (!(run.metrics.mae < baseline.metrics.mae)) {
        warnings.push(`${run.label} does not beat the best baseline, ${baseline.label}, on the held-out points (MAE ${run.metrics.mae.toPrecision(4)} vs ${baseline.metrics.mae.toPrecision(4)}).`);
      }
    }
    if (cancelled) warnings.push('Training was cancelled: the model being trained kept what it had learned, later models did not run.');
    const backtest = backtestResult(plans, data.times, backtestRows);
    const ranked = leaderboard(runs, baselines, backtest);
    const bestRun = bestModel(runs, ranked);
    const suggestions = loaded
      ? []
      : suggestSettings({
          settings,
          chosen: { transform: data.transform, window: data.window },
          probes: shape.probes,
          interval,
          gaps: ingest.gaps,
          points: ingest.points,
          best: bestRun && { label: bestRun.label, mae: bestRun.metrics.mae, epochsRun: bestRun.epochsRun, stoppedEarly: bestRun.stoppedEarly },
          baseline: { label: baseline.label, mae: baseline.metrics.mae },
        });
    return {
      ingest,
      series: seriesPoints,
      split,
      heldOut,
      baselines,
      models: runs,
      leaderboard: ranked,
      forecast: bestRun ? { model: bestRun.name, ...bestRun.forecast } : null,
      backtest,
      intervals: (bestRun && intervals.get(bestRun.name)) ?? null,
      chosen,
      horizon: settings.horizon,
      warnings,
      cancelled,
      suggestions,
    };
  } finally {
    loaded?.dispose();
  }
}
