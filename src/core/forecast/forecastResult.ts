/**
 * What a forecasting job reports: the types the CLI prints and the panel plots. Plain data
 * (numbers, strings, arrays), so it can be posted to a worker's parent or a webview as is.
 * Times `t` are ms since 1970 UTC when the series has a time column (`timeKind` 'time'), else
 * row numbers ('index'). NaN (a metric that cannot be computed) becomes null in JSON.
 */
import type { SkippedRows } from '../csv/skippedRows';
import type { TimeFormat } from '../csv/timeFormats';
import type { ForecastFitResult } from './forecastFitResult';
import type { LeaderboardEntry } from './leaderboard';
import type { ForecastMetrics } from './metrics';
import type { ModelSpec } from './forecasters';
import type { Aggregation, ResampleInterval } from './resample';

/** Points of a series: t[i], value[i]. */
export interface SeriesPoints {
  t: number[];
  value: number[];
}

/** How the CSV was read and turned into the series. */
export interface IngestSummary {
  file: string;
  /** File size. */
  bytes: number;
  column: string;
  timeColumn: string | null;
  timeFormat: TimeFormat | null;
  timeKind: 'time' | 'index';
  /** Data rows read; rows left out (missing / non-numeric value, bad time) and why. */
  rows: number;
  rowsSkipped: number;
  skipped: SkippedRows;
  /** Rows sharing a time with another row (combined by `aggregation`). */
  duplicates: number;
  /** Rows earlier than the row before them (the rows were sorted). */
  outOfOrder: number;
  resample: ResampleInterval;
  aggregation: Aggregation;
  /** Empty intervals between the first and last point. */
  gaps: number;
  /** Points of the series after resampling. */
  points: number;
  /** Typical distance between points in ms (or rows). */
  step: number;
}

/** Where the series is cut: training part [0, index), held out [index, points). */
export interface SplitInfo {
  /** First held-out point (= trainPoints). */
  index: number;
  /** Its time. */
  time: number;
  trainPoints: number;
  testPoints: number;
  window: number;
  /** Training windows (validation windows included), e.g. the seed's 3256. */
  windows: number;
}

/** What one model did: how it was trained (ForecastFitResult, the fit's fields), how it did, what it forecast. */
export interface ModelRun extends ForecastFitResult {
  /** Preset: 'mlp', 'rnn', 'lstm', 'gru'. */
  name: string;
  /** "MLP 56-32", "SimpleRNN 128/256/512", "LSTM 64". */
  label: string;
  spec: ModelSpec;
  /** Set when the model was loaded (no training), to the folder. */
  loadedFrom?: string;
  /** Set when it was saved, to the folder. */
  savedTo?: string;
  /** Epochs asked for (epochsRun says how many ran). */
  epochs: number;
  /** One-step predictions of the held-out points (the tutorial recipe's plot), aligned with ForecastJobResult.heldOut. */
  predicted: number[];
  metrics: ForecastMetrics;
  /** This model's forecast past the end. */
  forecast: SeriesPoints;
}

/** Everything the panel plots and the CLI prints. */
export interface ForecastJobResult {
  ingest: IngestSummary;
  /** The whole series after resampling (what is modelled). */
  series: SeriesPoints;
  split: SplitInfo;
  /** The held-out points' true values. */
  heldOut: SeriesPoints;
  /** The last-value forecast of the held-out points and its metrics. */
  baseline: { name: 'persistence'; predicted: number[]; metrics: ForecastMetrics };
  /** In training order. */
  models: ModelRun[];
  /** Models and baseline ranked (best first). */
  leaderboard: LeaderboardEntry[];
  /** The best model's forecast past the end (by held-out MAE), and which model made it; null when no model ran. */
  forecast: (SeriesPoints & { model: string }) | null;
  horizon: number;
  /** Things the user should know (skipped rows, duplicates, gaps, a model worse than the baseline, ...). */
  warnings: string[];
  /** The user stopped training: models after the one that was stopped did not run. */
  cancelled: boolean;
}
