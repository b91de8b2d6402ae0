/**
 * A rolling-origin backtest without retraining (as Darts' historical_forecasts with
 * retrain=False): from each of K origins o the forecaster sees the true history, levels
 * [0, o), and forecasts levels o .. o + h - 1 as it forecasts past the end of the data; its
 * errors against the true levels give a one-step and a multi-step MAE per origin, reported as
 * mean ± spread over the origins, and a MAE per horizon step. The baselines get the same
 * origins, so a ranking compares like with like.
 */
import * as v from 'valibot';
import { finite, jsonNumber, jsonNumbers } from '../numberSchemas';

/** Where a backtest forecasts from: origins (level indices, ascending) and the steps each forecasts. */
export interface BacktestPlan {
  origins: number[];
  horizon: number;
}

/** A forecaster seen from one origin: `horizon` levels after `origin` [horizon], from levels [0, origin) only. */
export type PathFrom = (origin: number, horizon: number) => number[];

/**
 * Up to `count` origins spaced evenly (both ends included, duplicates dropped) over the part
 * [first, end) of the levels, each forecasting `horizon` steps capped to end - first, so that
 * every origin's horizon stays inside the part: origins first .. end - horizon.
 */
export function backtestPlan(first: number, end: number, count: number, horizon: number): BacktestPlan {
  const capped = Math.max(0, Math.min(horizon, end - first));
  if (count <= 0 || capped === 0) return { origins: [], horizon: capped };
  const last = end - capped;
  const k = Math.min(count, last - first + 1);
  const origins = k === 1 ? [last] : Array.from({ length: k }, (_, i) => Math.round(first + (i * (last - first)) / (k - 1)));
  return { origins: [...new Set(origins)], horizon: capped };
}

/** Persistence from an origin: the last true value, repeated. */
export function persistencePathFrom(levels: ArrayLike<number>): PathFrom {
  return (origin, horizon) => Array.from({ length: horizon }, () => levels[origin - 1]);
}

/** Seasonal naive from an origin: step k repeats the true value of the last season before the origin that has it (origin >= period). */
export function seasonalPathFrom(levels: ArrayLike<number>, period: number): PathFrom {
  return (origin, horizon) => Array.from({ length: horizon }, (_, k) => levels[origin + k - period * (Math.floor(k / period) + 1)]);
}

/** Residuals actual − forecast of `path` from each origin of `plan`: [origins][horizon]. */
export function backtestResiduals(path: PathFrom, levels: ArrayLike<number>, plan: BacktestPlan): number[][] {
  return plan.origins.map((origin) => path(origin, plan.horizon).map((value, k) => levels[origin + k] - value));
}

/** Mean, standard deviation (n − 1; 0 for one value), min and max of values over origins. */
const SpreadSchema = v.object({ mean: jsonNumber, std: jsonNumber, min: jsonNumber, max: jsonNumber });
type Spread = v.InferOutput<typeof SpreadSchema>;

/** One model's or baseline's backtest. */
const BacktestRowSchema = v.object({
  /** Preset or baseline name, as in the leaderboard. */
  name: v.string(),
  label: v.string(),
  baseline: v.boolean(),
  /** Each origin's one-step absolute error, over the origins. */
  oneStep: SpreadSchema,
  /** Each origin's MAE over its `horizon` steps, over the origins. */
  multiStep: SpreadSchema,
  /** MAE over the origins at step 1 .. horizon [horizon]. */
  perStep: jsonNumbers,
});
export type BacktestRow = v.InferOutput<typeof BacktestRowSchema>;

/** The backtest on the held-out part: where it forecast from, and how each model and baseline did. */
export const BacktestSchema = v.object({
  /** Origins' level indices and times (the first level each origin forecasts). */
  origins: v.array(finite),
  originTimes: v.array(finite),
  /** Steps forecast from each origin: the horizon, capped to the held-out points. */
  horizon: finite,
  /** Models (training order), then baselines. */
  rows: v.array(BacktestRowSchema),
});
export type Backtest = v.InferOutput<typeof BacktestSchema>;

function spread(values: readonly number[]): Spread {
  const n = values.length;
  if (n === 0) return { mean: NaN, std: NaN, min: NaN, max: NaN };
  const mean = values.reduce((sum, x) => sum + x, 0) / n;
  const std = n > 1 ? Math.sqrt(values.reduce((sum, x) => sum + (x - mean) ** 2, 0) / (n - 1)) : 0;
  return { mean, std, min: Math.min(...values), max: Math.max(...values) };
}

/** A backtest row from the residuals [origins][horizon] of one forecaster. */
export function backtestRow(name: string, label: string, baseline: boolean, residuals: readonly number[][]): BacktestRow {
  const horizon = residuals[0]?.length ?? 0;
  const mean = (xs: readonly number[]) => xs.reduce((sum, x) => sum + Math.abs(x), 0) / xs.length;
  return {
    name,
    label,
    baseline,
    oneStep: spread(residuals.map((r) => Math.abs(r[0]))),
    multiStep: spread(residuals.map(mean)),
    perStep: Array.from({ length: horizon }, (_, k) => mean(residuals.map((r) => r[k]))),
  };
}
