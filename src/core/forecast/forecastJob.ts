import path from 'node:path';
import { readCsvSeries, type CsvSeries, type IngestProgress } from '../csv/csvIngest';
import { UserError } from '../userError';
import { prepareForecastData, type ForecastData } from './forecastData';
import { forecastNetFor } from './forecastNet';
import type { ForecastJobResult, IngestSummary, ModelRun, SplitInfo } from './forecastResult';
import type { ForecastSettings } from './forecastSettings';
import { validateForecastSettings } from './forecastSettingsValidation';
import { saveForecaster, loadForecaster } from './forecastStore';
import type { ForecastFitResult } from './forecastFitResult';
import { fitForecastNet, type FitEpoch } from './forecastTraining';
import { heldOutBaselines } from './baselines';
import { bestBaseline, leaderboard } from './leaderboard';
import { forecastMetrics, naiveScale } from './metrics';
import { futureTimes, futureValues, heldOutPredictions } from './predictions';
import { buildForecastModel } from './forecastModels';
import { describeSpec, presetSpec, type ModelSpec } from './forecasters';
import { INTERVALS, steps, type ResampleChoice, type ResampleInterval } from './intervals';
import { naturalInterval } from './naturalInterval';
import { resample } from './resample';
import { trainedForecaster, type TrainedForecaster } from './trainedForecaster';

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
}

export interface ForecastJobCallbacks {
  onIngestProgress?: (progress: IngestProgress) => void;
  onStart?(start: ForecastJobStart): void;
  onEpoch?(epoch: ForecastEpoch): void;
  /** A model finished (trained, evaluated, forecast, saved): e.g. to grow a leaderboard live. */
  onModelDone?(run: ModelRun, index: number): void;
  /** Asked between chunks of the CSV and before every training batch: true stops. */
  shouldStop?(): boolean;
}

/** A time for messages: `2021-03-31`, `2021-03-31T12:30:00Z`, or `data row 5`. */
function timeFormatter(kind: 'time' | 'index'): (time: number) => string {
  if (kind === 'index') return (time) => `data row ${time + 1}`;
  return (time) => new Date(time).toISOString().replace('T00:00:00.000Z', '').replace('.000Z', 'Z');
}

/** The resampling to use and why ('auto': the series' own interval), checked against whether the file has a time column. */
function chooseInterval(file: string, series: CsvSeries, asked: ResampleChoice): { interval: ResampleInterval; reason: string } {
  if (series.time) return asked === 'auto' ? naturalInterval(series.times) : { interval: asked, reason: 'as set' };
  if (asked === 'auto' || asked === 'none') return { interval: 'none', reason: 'no time column: every row in file order' };
  throw new UserError(
    `Cannot resample ${file} by ${asked}: it has no time column (${series.layout.columns.map((name) => `"${name}"`).join(', ')}); name one with --time-column, or use --resample none.`,
    'resample',
  );
}

/** Things worth telling about how the CSV became the series. */
function ingestWarnings(series: CsvSeries, ingest: IngestSummary): string[] {
  const warnings: string[] = [];
  const { skipped } = series;
  if (series.rowsSkipped > 0) {
    const reasons = [
      skipped.missingValue ? `${skipped.missingValue} with no value (empty / NaN)` : '',
      skipped.nonNumericValue
        ? `${skipped.nonNumericValue} with text instead of a number${series.summaries[0]?.firstNonNumeric ? ` (first on line ${series.summaries[0].firstNonNumeric.line}: "${series.summaries[0].firstNonNumeric.text}")` : ''}`
        : '',
      skipped.badTime ? `${skipped.badTime} with no readable time${skipped.firstBadTime ? ` (first on line ${skipped.firstBadTime.line}: "${skipped.firstBadTime.text}")` : ''}` : '',
    ].filter(Boolean);
    warnings.push(`${series.rowsSkipped} of ${series.rows} rows were skipped in "${ingest.column}": ${reasons.join(', ')}.`);
  }
  if (!series.time) warnings.push('No time column was found: the rows are used in file order.');
  if (series.outOfOrder > 0) warnings.push(`The rows were not in time order (${series.outOfOrder} came earlier than the row before them); they were sorted.`);
  if (series.duplicates > 0) {
    warnings.push(`${series.duplicates} rows have the same time as another row (duplicates); ${ingest.resample === 'none' ? `each time's rows were combined by ${ingest.aggregation}` : `they are part of their ${INTERVALS[ingest.resample].word}'s ${ingest.aggregation}`}.`);
  }
  if (ingest.gaps > 0) warnings.push(`${steps(ingest.gaps, ingest.resample)} have no data (gaps); the series goes from one point to the next across them.`);
  return warnings;
}

/** A fit result for a loaded model (nothing trained). */
function notTrained(data: ForecastData, finalLoss: number): ForecastFitResult {
  return {
    lossHistory: [],
    valLossHistory: [],
    epochsRun: 0,
    bestEpoch: 0,
    stoppedEarly: false,
    cancelled: false,
    msPerEpoch: 0,
    finalLoss,
    trainWindows: data.train.count,
    validationWindows: 0,
  };
}

/**
 * The whole forecasting job, for the CLI and the extension's worker alike:
 *   read the CSV (streaming, see readCsvSeries) -> sort, resample (see resample) -> split,
 *   transform, scale, window (see prepareForecastData) -> the baselines -> for each
 *   preset: build, train (fused recurrent layers where there are any), predict the held-out
 *   points, metrics in the series' units, forecast `horizon` steps past the end on the
 *   series' time axis, save -> leaderboard.
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
    const series = await readCsvSeries(options.csv, {
      column: settings.column ?? loaded?.column,
      timeColumn: settings.timeColumn !== undefined ? settings.timeColumn : loaded ? (loaded.timeColumn?.name ?? null) : undefined,
      shouldStop,
      onProgress: callbacks.onIngestProgress,
    });
    const { interval, reason: intervalReason } = chooseInterval(options.csv, series, settings.resample === 'auto' && loaded ? loaded.resample : settings.resample);
    const aggregation = loaded?.aggregation ?? settings.aggregation;
    const points = resample(series.times, series.values, interval, aggregation);
    const timeKind = series.time ? 'time' : 'index';
    const formatTime = timeFormatter(timeKind);
    const describe = [INTERVALS[interval].adjective, interval === 'none' ? '' : `${aggregation}s`].filter(Boolean).join(' ');
    const label = `Column "${series.column.name}" of ${options.csv}${describe ? ` (${describe})` : ''}`;
    const data = prepareForecastData(points.times, points.values, {
      window: loaded?.window ?? settings.window,
      test: settings.test,
      transform: loaded?.transform ?? settings.transform,
      scaler: loaded?.scaler ?? settings.scaler,
      label,
      formatTime,
    });
    const ingest: IngestSummary = {
      file: options.csv,
      bytes: series.layout.bytes,
      column: series.column.name,
      timeColumn: series.time?.name ?? null,
      timeFormat: series.time?.format ?? null,
      timeKind,
      rows: series.rows,
      rowsSkipped: series.rowsSkipped,
      skipped: series.skipped,
      duplicates: series.duplicates,
      outOfOrder: series.outOfOrder,
      resample: interval,
      resampleReason: intervalReason,
      aggregation,
      gaps: points.gaps,
      points: points.times.length,
      step: points.step,
    };
    const split: SplitInfo = {
      index: data.testStart,
      time: data.times[data.testStart],
      trainPoints: data.testStart,
      testPoints: settings.test,
      window: data.window,
      windows: data.train.count,
    };
    const warnings = ingestWarnings(series, ingest);
    const levels = Array.from(data.levels);
    const actual = levels.slice(data.testStart);
    const scale = naiveScale(data.levels.subarray(0, data.testStart));
    const baselines = heldOutBaselines(data.levels, data.testStart, interval, scale);
    const baseline = bestBaseline(baselines);
    const specs: ModelSpec[] = loaded ? [loaded.spec] : settings.models.map((preset) => presetSpec(preset, settings));
    callbacks.onStart?.({ ingest, split, models: specs.map((spec) => spec.preset), epochs: loaded ? 0 : settings.epochs, loaded: loaded !== undefined });
    const horizonTimes = futureTimes(data.times[data.times.length - 1], interval, points.step, settings.horizon);
    const runs: ModelRun[] = [];
    let cancelled = false;
    for (const [index, spec] of specs.entries()) {
      if (cancelled || shouldStop()) {
        cancelled = true;
        break;
      }
      const model = loaded?.model ?? buildForecastModel(spec, data.window, settings.seed);
      const net = forecastNetFor(model);
      let run: ModelRun;
      try {
        const fit = loaded
          ? notTrained(data, loaded.finalLoss ?? NaN)
          : await fitForecastNet(
              net,
              data.train,
              settings,
              {
                onEpoch: (epoch) => callbacks.onEpoch?.({ ...epoch, model: spec.preset, modelIndex: index, models: specs.length }),
                shouldStop,
              },
            );
        if (!loaded) net.writeBack();
        const predicted = heldOutPredictions(net, data);
        const forecast = { t: horizonTimes, value: futureValues(net, data, settings.horizon, settings.rollout) };
        run = {
          name: spec.preset,
          label: describeSpec(spec),
          spec,
          ...(options.load ? { loadedFrom: path.resolve(options.load) } : {}),
          epochs: loaded ? 0 : settings.epochs,
          ...fit,
          predicted,
          metrics: forecastMetrics(actual, predicted, scale),
          forecast,
        };
        if (options.save !== undefined && !loaded) {
          const dir = specs.length === 1 ? options.save : path.join(options.save, spec.preset);
          const forecaster: TrainedForecaster = trainedForecaster({
            model,
            spec,
            window: data.window,
            transform: data.transform,
            scaler: data.scaler,
            column: series.column.name,
            timeColumn: series.time ? { name: series.time.name, format: series.time.format } : null,
            resample: interval,
            aggregation,
            seed: settings.seed,
            trainedOn: { file: path.basename(options.csv), points: levels.length, trainPoints: data.testStart },
            finalLoss: fit.finalLoss,
          });
          await saveForecaster(forecaster, dir);
          run.savedTo = path.resolve(dir);
        }
        cancelled = fit.cancelled;
      } finally {
        net.dispose();
        if (!loaded) model.dispose();
      }
      runs.push(run);
      callbacks.onModelDone?.(run, index);
      if (!(run.metrics.mae < baseline.metrics.mae)) {
        warnings.push(`${run.label} does not beat the best baseline, ${baseline.label}, on the held-out points (MAE ${run.metrics.mae.toPrecision(4)} vs ${baseline.metrics.mae.toPrecision(4)}).`);
      }
    }
    if (cancelled) warnings.push('Training was cancelled: the model being trained kept what it had learned, later models did not run.');
    const ranked = leaderboard(runs, baselines);
    const best = ranked.find((entry) => !entry.baseline);
    const bestRun = runs.find((run) => run.name === best?.name);
    return {
      ingest,
      series: { t: Array.from(data.times), value: levels },
      split,
      heldOut: { t: Array.from(data.times.subarray(data.testStart)), value: actual },
      baselines,
      models: runs,
      leaderboard: ranked,
      forecast: bestRun ? { model: bestRun.name, ...bestRun.forecast } : null,
      horizon: settings.horizon,
      warnings,
      cancelled,
    };
  } finally {
    loaded?.dispose();
  }
}
