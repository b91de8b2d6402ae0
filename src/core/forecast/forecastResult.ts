/**
 * What a forecasting job reports: the types the CLI prints and the panel plots. Plain data
 * (numbers, strings, arrays), so it can be posted to a worker's parent or a webview as is.
 * Times `t` are ms since 1970 UTC when the series has a time column (`timeKind` 'time'), else
 * row numbers ('index'). NaN (a metric that cannot be computed) becomes null in JSON.
 */
import * as v from 'valibot';
import { SkippedRowsSchema } from '../csv/skippedRows';
import { TIME_FORMATS } from '../csv/timeFormats';
import { finite, jsonNumber, jsonNumbers } from '../numberSchemas';
import { ForecastFitResultSchema } from './forecastFitResult';
import { PRESET_NAMES, type ModelSpec } from './forecasters';
import { BacktestSchema } from './backtest';
import { LeaderboardEntrySchema } from './leaderboard';
import { ForecastIntervalsSchema } from './predictionIntervals';
import { ForecastMetricsSchema } from './metrics';
import { RESAMPLE_INTERVALS } from './intervals';
import { AGGREGATIONS } from './resample';
import { FORECAST_RECIPES } from './forecastSettings';
import { TARGET_TRANSFORMS } from './transform';
import { SuggestionSchema } from './suggestions';

/** Points of a series: t[i], value[i] (NaN values arrive as JSON null), as long as each other. */
export const SeriesPointsSchema = v.pipe(
  v.object({ t: jsonNumbers, value: jsonNumbers }),
  v.check((s) => s.t.length === s.value.length, 't and value differ in length'),
);

/** How the CSV was read and turned into the series. */
export const IngestSummarySchema = v.object({
  file: v.string(),
  /** File size. */
  bytes: v.number(),
  column: v.string(),
  timeColumn: v.nullable(v.string()),
  timeFormat: v.nullable(v.picklist(TIME_FORMATS)),
  timeKind: v.picklist(['time', 'index']),
  /** Data rows read; rows left out (missing / non-numeric value, bad time) and why. */
  rows: v.number(),
  rowsSkipped: v.number(),
  skipped: SkippedRowsSchema,
  /** Rows sharing a time with another row (combined by `aggregation`). */
  duplicates: v.number(),
  /** Rows earlier than the row before them (the rows were sorted). */
  outOfOrder: v.number(),
  resample: v.picklist(RESAMPLE_INTERVALS),
  /** Why that interval: "one row per month", "as set", ... */
  resampleReason: v.string(),
  aggregation: v.picklist(AGGREGATIONS),
  /** Empty intervals between the first and last point. */
  gaps: v.number(),
  /** Points of the series after resampling. */
  points: v.number(),
  /** Typical distance between points in ms (or rows); NaN for a single point. */
  step: jsonNumber,
});
export type IngestSummary = v.InferOutput<typeof IngestSummarySchema>;

/** Where the series is cut: training part [0, index), held out [index, points). */
export const SplitInfoSchema = v.object({
  /** First held-out point (= trainPoints). */
  index: finite,
  /** Its time. */
  time: finite,
  trainPoints: finite,
  testPoints: finite,
  window: finite,
  /** Training windows (validation windows included), e.g. the tutorial's 3256. */
  windows: finite,
});
export type SplitInfo = v.InferOutput<typeof SplitInfoSchema>;

/** A simple forecast every model is measured against. */
export const BaselineSchema = v.object({
  /** 'persistence': each held-out point predicted by the actual value before it; 'seasonalNaive': by the one `period` steps before it. */
  name: v.picklist(['persistence', 'seasonalNaive']),
  /** "Last value (persistence)", "Same day last week (seasonal naive, 7 days)". */
  label: v.string(),
  /** Steps back (1 for persistence). */
  period: finite,
  /** Aligned with ForecastJobResult.heldOut. */
  predicted: jsonNumbers,
  metrics: ForecastMetricsSchema,
});
export type Baseline = v.InferOutput<typeof BaselineSchema>;

/** The shape of ModelSpec (forecasters.ts), checked against it. */
const ModelSpecSchema = v.object({ preset: v.picklist(PRESET_NAMES), units: v.array(v.number()) }) satisfies v.GenericSchema<unknown, ModelSpec>;

/** What one model did: how it was trained (the fit's fields), how it did, what it forecast. */
export const ModelRunSchema = v.object({
  ...ForecastFitResultSchema.entries,
  /** Preset: 'mlp', 'rnn', 'lstm', 'gru'. */
  name: v.string(),
  /** "MLP 56-32", "SimpleRNN 128/256/512", "LSTM 64". */
  label: v.string(),
  spec: ModelSpecSchema,
  /** Set when the model was loaded (no training), to the folder. */
  loadedFrom: v.optional(v.string()),
  /** Set when it was saved, to the folder. */
  savedTo: v.optional(v.string()),
  /**
   * The seed ensemble (see seedEnsemble.ts): members trained (seeds settings.seed ..
   * settings.seed + members − 1), whether their median or the best one is used, and the best one's seed. The fit's fields and the shrinkage
   * are `seed`'s. Absent for a loaded model and in results from before.
   */
  ensemble: v.optional(v.object({ members: finite, used: v.picklist(['median', 'best']), seed: finite })),
  /** Epochs asked for (epochsRun says how many ran). */
  epochs: finite,
  /** The factor its forecasts' changes were shrunk by, fitted on the validation part (1: not shrunk; see shrinkage.ts). */
  shrinkage: finite,
  /** The same for the forecast past the end, fitted on multi-step paths of the validation part (see validationPaths.ts). */
  pathShrinkage: finite,
  /** One-step predictions of the held-out points (the tutorial recipe's plot), aligned with ForecastJobResult.heldOut. */
  predicted: jsonNumbers,
  metrics: ForecastMetricsSchema,
  /** This model's forecast past the end. */
  forecast: SeriesPointsSchema,
});
export type ModelRun = v.InferOutput<typeof ModelRunSchema>;

/** The settings the job actually used, the automatic choices resolved. */
const ChosenSettingsSchema = v.object({
  recipe: v.picklist(FORECAST_RECIPES),
  interval: v.picklist(RESAMPLE_INTERVALS),
  transform: v.picklist(TARGET_TRANSFORMS),
  window: finite,
  backtest: finite,
  /** The inputs beside the value: calendar cycles ("day of week") and column names; absent in results from before. */
  covariates: v.optional(v.array(v.string())),
});
export type ChosenSettings = v.InferOutput<typeof ChosenSettingsSchema>;

/** Everything the panel plots and the CLI prints, checked deeply enough that the panel can plot it: a prediction per held-out point. */
export const ForecastJobResultSchema = v.pipe(
  v.object({
    ingest: IngestSummarySchema,
    /** The whole series after resampling (what is modelled). */
    series: SeriesPointsSchema,
    split: SplitInfoSchema,
    /** The held-out points' true values. */
    heldOut: SeriesPointsSchema,
    /** The baselines' forecasts of the held-out points and their metrics: persistence first, then the seasonal naive one when the interval has a season the training part covers twice. */
    baselines: v.array(BaselineSchema),
    /** In training order. */
    models: v.array(ModelRunSchema),
    /** Models and baselines ranked (best first). */
    leaderboard: v.array(LeaderboardEntrySchema),
    /** The best model's forecast past the end (the leaderboard's first: by the backtest's mean MAE when there is one over 2+ origins, else by held-out MAE), and which model made it; null when no model ran. */
    forecast: v.nullable(v.object({ t: jsonNumbers, value: jsonNumbers, model: v.string() })),
    /** The rolling-origin backtest on the held-out part (see backtest.ts); null when it is off. */
    backtest: v.nullable(BacktestSchema),
    /** The forecast's prediction intervals (see predictionIntervals.ts); null when they cannot be calibrated. */
    intervals: v.nullable(ForecastIntervalsSchema),
    chosen: ChosenSettingsSchema,
    horizon: finite,
    /** Things the user should know (skipped rows, duplicates, gaps, a model worse than the baseline, ...). */
    warnings: v.array(v.string()),
    /** The user stopped training: models after the one that was stopped did not run. */
    cancelled: v.boolean(),
    /** What to try when the best model does not beat the best baseline (see suggestions.ts); absent in results from before. */
    suggestions: v.optional(v.array(SuggestionSchema)),
  }),
  v.check((r) => r.baselines[0]?.name === 'persistence', 'the persistence baseline first'),
  v.check(
    (r) => [...r.baselines.map((b) => b.predicted), ...r.models.map((m) => m.predicted)].every((p) => p.length === r.heldOut.t.length),
    'one prediction per held-out point',
  ),
);
export type ForecastJobResult = v.InferOutput<typeof ForecastJobResultSchema>;
