/**
 * What the forecast panel keeps of a ForecastJobResult: everything its tables need, and its
 * series thinned for plotting. A result's series can have millions of points (resampling
 * 'none' of a 4.8-million-row file); a chart is at most a couple of thousand pixels wide, and
 * the panel's state is persisted with `vscode.setState` and sent whole in a snapshot. Long lines are cut
 * into buckets and each bucket keeps its lowest and highest point, in time order (min/max
 * decimation): the plotted envelope is the true one, spikes included. No DOM here: unit-tested
 * under Node.
 */
import * as v from 'valibot';
import { jsonNumbers } from '../core/numberSchemas';
import { minMaxIndices as minMaxIndicesOf } from '../core/forecast/minMaxDecimation';
import { LeaderboardEntrySchema } from '../core/forecast/leaderboard';
import { BacktestSchema, type Backtest } from '../core/forecast/backtest';
import { BaselineSchema, IngestSummarySchema, ModelRunSchema, SeriesPointsSchema, SplitInfoSchema, type ForecastJobResult } from '../core/forecast/forecastResult';
import { SuggestionSchema } from '../core/forecast/suggestions';

/** Lines longer than this are decimated to at most this many points. */
export const MAX_PLOT_POINTS = 2000;
/** Loss values per curve kept (thinned beyond, as the text panel's curve). */
export const MAX_LOSS_POINTS = 1000;
/** Warnings kept, and characters per warning. */
const MAX_WARNINGS = 50;
const MAX_WARNING_LENGTH = 600;

/** A metric: NaN (JSON null) where it cannot be computed; stored as null so the state round-trips. */
const MetricSchema = v.nullable(v.number());
export type Metric = v.InferOutput<typeof MetricSchema>;

const PlotMetricsSchema = v.object({ mae: MetricSchema, rmse: MetricSchema, mape: MetricSchema, mase: MetricSchema });
export type PlotMetrics = v.InferOutput<typeof PlotMetricsSchema>;

/** A line to plot: t[i], value[i] (t in ms UTC, or row numbers). */
const PlotLineSchema = SeriesPointsSchema;
export type PlotLine = v.InferOutput<typeof PlotLineSchema>;

/** A ModelRun as kept: its loss curves thinned, held-out predictions at `PlotResult.heldOut.t`, its forecast decimated. */
const PlotModelSchema = v.object({
  ...v.pick(ModelRunSchema, ['name', 'label', 'loadedFrom', 'savedTo', 'epochs', 'shrinkage', 'pathShrinkage', 'epochsRun', 'bestEpoch', 'stoppedEarly', 'cancelled', 'msPerEpoch', 'finalLoss', 'predicted']).entries,
  /** Per epoch from 1 (thinned to MAX_LOSS_POINTS: `lossEpochs` says which epochs). */
  lossEpochs: jsonNumbers,
  loss: jsonNumbers,
  /** Same epochs as `loss`; empty without a validation split. */
  valLoss: jsonNumbers,
  metrics: PlotMetricsSchema,
  forecast: PlotLineSchema,
});
export type PlotModel = v.InferOutput<typeof PlotModelSchema>;

/** A baseline as kept: its held-out predictions at `PlotResult.heldOut.t`, its metrics as stored. */
const PlotBaselineSchema = v.object({ ...BaselineSchema.entries, metrics: PlotMetricsSchema });
export type PlotBaseline = v.InferOutput<typeof PlotBaselineSchema>;

/** A leaderboard row (LeaderboardEntry with its metrics as stored). */
const PlotLeaderboardEntrySchema = v.object({ ...LeaderboardEntrySchema.entries, metrics: PlotMetricsSchema });
export type PlotLeaderboardEntry = v.InferOutput<typeof PlotLeaderboardEntrySchema>;

/** The forecast's intervals as kept: bounds at the forecast's (decimated) times. */
const PlotBandSchema = v.object({
  calibration: v.picklist(['validation', 'test']),
  levels: v.array(v.object({ level: v.number(), coverage: MetricSchema, lower: jsonNumbers, upper: jsonNumbers })),
});
type PlotBand = v.InferOutput<typeof PlotBandSchema>;

export const PlotResultSchema = v.pipe(
  v.object({
    runId: v.number(),
    ingest: IngestSummarySchema,
    split: SplitInfoSchema,
    horizon: v.number(),
    warnings: v.array(v.string()),
    /** Warnings not kept (beyond MAX_WARNINGS). */
    moreWarnings: v.number(),
    cancelled: v.boolean(),
    /** The series (decimated) and its true length. */
    series: PlotLineSchema,
    seriesPoints: v.number(),
    /** The held-out points' true values (decimated together with every model's predictions). */
    heldOut: PlotLineSchema,
    heldOutPoints: v.number(),
    /** Persistence first, then the seasonal naive one when there is one. */
    baselines: v.pipe(v.array(PlotBaselineSchema), v.minLength(1), v.maxLength(4)),
    models: v.array(PlotModelSchema),
    leaderboard: v.array(PlotLeaderboardEntrySchema),
    /** The best model's forecast (decimated), its model's preset name and index in `models`. */
    forecast: v.nullable(v.object({ t: jsonNumbers, value: jsonNumbers, model: v.string(), modelIndex: v.number() })),
    /** The rolling-origin backtest (per-step MAE cut to MAX_PLOT_POINTS steps); null when it was off. */
    backtest: v.nullable(BacktestSchema),
    /** The forecast's 80 % and 95 % intervals at `forecast.t`, their measured coverage; null without intervals. */
    band: v.nullable(PlotBandSchema),
    /** The inputs beside the value at each step (chosen.covariates); absent in results from before. */
    covariates: v.optional(v.pipe(v.array(v.string()), v.maxLength(64))),
    /** What to try (see suggestions.ts): at most a few. */
    suggestions: v.optional(v.pipe(v.array(SuggestionSchema), v.maxLength(8))),
  }),
  v.check(
    (r) =>
      [...r.baselines.map((b) => b.predicted), ...r.models.map((m) => m.predicted)].every((p) => p.length === r.heldOut.t.length) &&
      (r.forecast === null || r.models[r.forecast.modelIndex] !== undefined),
    'a prediction per held-out point, and the forecast of a model shown',
  ),
);
export type PlotResult = v.InferOutput<typeof PlotResultSchema>;

/** The baseline with the lowest held-out MAE (n/a counts as worst; the first on a tie): what "beats the baseline" is measured against. */
export function bestPlotBaseline(result: Pick<PlotResult, 'baselines'>): PlotBaseline {
  const [first, ...rest] = result.baselines;
  return rest.reduce((best, b) => (b.metrics.mae !== null && (best.metrics.mae === null || b.metrics.mae < best.metrics.mae) ? b : best), first);
}

/** Indices of the points to plot (see minMaxDecimation.ts), at most `max`. */
export const minMaxIndices = (values: ArrayLike<number>, max = MAX_PLOT_POINTS): number[] => minMaxIndicesOf(values, max);

const pick = (values: ArrayLike<number>, indices: readonly number[]) => indices.map((i) => values[i]);

/** `line` decimated by its values. */
function decimate(line: { t: ArrayLike<number>; value: ArrayLike<number> }, max = MAX_PLOT_POINTS): PlotLine {
  const indices = minMaxIndices(line.value, max);
  return { t: pick(line.t, indices), value: pick(line.value, indices) };
}

/** A metric as stored: NaN, ±Infinity and null become null. */
const metric = (v: number | null | undefined): Metric => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function plotMetrics(m: { mae: number | null; rmse: number | null; mape: number | null; mase: number | null }): PlotMetrics {
  return { mae: metric(m.mae), rmse: metric(m.rmse), mape: metric(m.mape), mase: metric(m.mase) };
}

/** Epochs 1..n of `loss` (and `valLoss`), thinned evenly to at most `max`, the last one kept. */
function thinLoss(loss: readonly number[], valLoss: readonly number[], max = MAX_LOSS_POINTS): Pick<PlotModel, 'lossEpochs' | 'loss' | 'valLoss'> {
  const n = loss.length;
  const stride = Math.max(1, Math.ceil(n / max));
  const indices: number[] = [];
  for (let i = 0; i < n; i += stride) indices.push(i);
  if (n > 0 && indices[indices.length - 1] !== n - 1) indices.push(n - 1);
  const hasVal = valLoss.length === n && n > 0;
  return {
    lossEpochs: indices.map((i) => i + 1),
    loss: indices.map((i) => loss[i]),
    valLoss: hasVal ? indices.map((i) => valLoss[i]) : [],
  };
}

/** The backtest with each row's per-step MAE cut to MAX_PLOT_POINTS steps. */
function plotBacktest(backtest: Backtest | null): Backtest | null {
  return backtest && { ...backtest, rows: backtest.rows.map((row) => ({ ...row, perStep: row.perStep.slice(0, MAX_PLOT_POINTS) })) };
}

/** The intervals' bounds at the forecast's points `indices`. */
function plotBand(result: ForecastJobResult, indices: readonly number[]): PlotBand | null {
  const intervals = result.intervals;
  if (!intervals || intervals.model !== result.forecast?.model) return null;
  return {
    calibration: intervals.calibration,
    levels: intervals.levels.map((l) => ({ level: l.level, coverage: metric(l.coverage), lower: pick(l.lower, indices), upper: pick(l.upper, indices) })),
  };
}

/** What the panel keeps of `result` (run `runId`). */
export function plotResult(runId: number, result: ForecastJobResult): PlotResult {
  // The held-out part: true values and every model's predictions, decimated on the same indices.
  const heldIndices = minMaxIndices(result.heldOut.value);
  const forecastIndex = result.forecast ? result.models.findIndex((m) => m.name === result.forecast?.model) : -1;
  const forecastIndices = result.forecast ? minMaxIndices(result.forecast.value) : [];
  const warnings = result.warnings.slice(0, MAX_WARNINGS).map((w) => (w.length > MAX_WARNING_LENGTH ? `${w.slice(0, MAX_WARNING_LENGTH - 1)}…` : w));
  return {
    runId,
    ingest: result.ingest,
    split: result.split,
    horizon: result.horizon,
    warnings,
    moreWarnings: Math.max(0, result.warnings.length - MAX_WARNINGS),
    cancelled: result.cancelled,
    series: decimate(result.series),
    seriesPoints: result.series.t.length,
    heldOut: { t: pick(result.heldOut.t, heldIndices), value: pick(result.heldOut.value, heldIndices) },
    heldOutPoints: result.heldOut.t.length,
    baselines: result.baselines.map((b) => ({ name: b.name, label: b.label, period: b.period, predicted: pick(b.predicted, heldIndices), metrics: plotMetrics(b.metrics) })),
    models: result.models.map((m) => ({
      name: m.name,
      label: m.label,
      ...(m.loadedFrom !== undefined ? { loadedFrom: m.loadedFrom } : {}),
      ...(m.savedTo !== undefined ? { savedTo: m.savedTo } : {}),
      epochs: m.epochs,
      shrinkage: m.shrinkage,
      pathShrinkage: m.pathShrinkage,
      epochsRun: m.epochsRun,
      bestEpoch: m.bestEpoch,
      stoppedEarly: m.stoppedEarly,
      cancelled: m.cancelled,
      msPerEpoch: m.msPerEpoch,
      finalLoss: m.finalLoss,
      ...thinLoss(m.lossHistory, m.valLossHistory),
      metrics: plotMetrics(m.metrics),
      predicted: pick(m.predicted, heldIndices),
      forecast: decimate(m.forecast),
    })),
    leaderboard: result.leaderboard.map((e) => ({
      name: e.name,
      label: e.label,
      baseline: e.baseline === true,
      metrics: plotMetrics(e.metrics),
      beatsBaseline: e.beatsBaseline === true,
      rank: e.rank,
      ...(e.rankedBy === undefined ? {} : { rankedBy: e.rankedBy }),
      ...(e.backtestMae === undefined ? {} : { backtestMae: e.backtestMae }),
    })),
    forecast:
      result.forecast && forecastIndex >= 0
        ? { t: pick(result.forecast.t, forecastIndices), value: pick(result.forecast.value, forecastIndices), model: result.forecast.model, modelIndex: forecastIndex }
        : null,
    backtest: plotBacktest(result.backtest),
    band: forecastIndex >= 0 ? plotBand(result, forecastIndices) : null,
    ...(result.chosen.covariates ? { covariates: result.chosen.covariates.slice(0, 64) } : {}),
    ...(result.suggestions ? { suggestions: result.suggestions.slice(0, 8) } : {}),
  };
}
