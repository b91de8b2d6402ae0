/**
 * Errors of held-out predictions in the series' own units (never scaled or transformed).
 * A value that cannot be computed (MAPE when every actual value is 0, MASE of a constant
 * training series) is NaN, shown as "n/a" / JSON null.
 */
import * as v from 'valibot';
import { jsonNumber } from '../numberSchemas';

export const ForecastMetricsSchema = v.object({
  /** Mean absolute error. */
  mae: jsonNumber,
  /** Root mean squared error. */
  rmse: jsonNumber,
  /** Mean absolute percentage error, in percent, over the actual values that are not 0. */
  mape: jsonNumber,
  /** Mean absolute scaled error: MAE / the in-sample MAE of the naive one-step forecast (< 1 beats it). */
  mase: jsonNumber,
});
export type ForecastMetrics = v.InferOutput<typeof ForecastMetricsSchema>;

/**
 * Mean absolute change between consecutive training values: the MAE of predicting each
 * value by the one before it, in-sample (the denominator of MASE, Hyndman & Koehler 2006).
 */
export function naiveScale(trainLevels: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 1; i < trainLevels.length; i++) sum += Math.abs(trainLevels[i] - trainLevels[i - 1]);
  return trainLevels.length > 1 ? sum / (trainLevels.length - 1) : NaN;
}

/** MAE, RMSE, MAPE and MASE of `predicted` against `actual` (same length, ≥ 1). */
export function forecastMetrics(actual: ArrayLike<number>, predicted: ArrayLike<number>, scale: number): ForecastMetrics {
  const n = actual.length;
  if (n === 0 || predicted.length !== n) throw new Error(`Metrics need as many predictions as values (${predicted.length} vs ${n}).`);
  let absolute = 0;
  let squared = 0;
  let percent = 0;
  let nonZero = 0;
  for (let i = 0; i < n; i++) {
    const error = actual[i] - predicted[i];
    absolute += Math.abs(error);
    squared += error * error;
    if (actual[i] !== 0) {
      percent += Math.abs(error / actual[i]);
      nonZero++;
    }
  }
  const mae = absolute / n;
  return {
    mae,
    rmse: Math.sqrt(squared / n),
    mape: nonZero > 0 ? (100 * percent) / nonZero : NaN,
    mase: scale > 0 ? mae / scale : NaN,
  };
}

/** The last-value (persistence) forecast of each held-out point: the actual value before it. */
export function persistencePredictions(levels: ArrayLike<number>, firstHeldOut: number): number[] {
  return Array.from({ length: levels.length - firstHeldOut }, (_, k) => levels[firstHeldOut + k - 1]);
}

/**
 * The seasonal-naive forecast of each held-out point: the actual value `period` steps before
 * it (the same day last week, the same month last year). Needs `firstHeldOut >= period`.
 */
export function seasonalNaivePredictions(levels: ArrayLike<number>, firstHeldOut: number, period: number): number[] {
  if (!(Number.isInteger(period) && period >= 1 && period <= firstHeldOut)) throw new Error(`A seasonal-naive period must be 1..${firstHeldOut} (got ${period}).`);
  return Array.from({ length: levels.length - firstHeldOut }, (_, k) => levels[firstHeldOut + k - period]);
}
