/**
 * Prediction intervals, split-conformal style: for each horizon step h, the quantile of the
 * absolute residuals |actual − forecast| at step h over calibration origins (a part the model
 * did not fit: the validation part) gives the half-width at that step; the same half-widths
 * around the forecast past the end give its interval, and their coverage is measured on the
 * held-out part's backtest origins (which calibration never saw).
 */
import * as v from 'valibot';
import { finite, jsonNumber, jsonNumbers } from '../numberSchemas';

/** The nominal levels: 80 % and 95 %. */
const INTERVAL_LEVELS = [0.8, 0.95] as const;

/**
 * The split-conformal quantile at `level` of `absolute` residuals (n of them): the
 * ceil((n + 1) · level)-th smallest, i.e. the ceil((n+1)·level)/n empirical quantile; with too
 * few residuals for that (n < level / (1 − level)) the largest one. NaN for none.
 */
export function conformalQuantile(absolute: readonly number[], level: number): number {
  const n = absolute.length;
  if (n === 0) return NaN;
  const sorted = [...absolute].sort((a, b) => a - b);
  return sorted[Math.min(n, Math.ceil((n + 1) * level)) - 1];
}

/**
 * Half-widths per step 1 .. `horizon` at `level` from calibration residuals [origins][steps]:
 * the conformal quantile of each calibrated step's absolute residuals; a step past the
 * calibrated ones widens the last one by sqrt(h / calibrated) (a random walk's growth).
 * Widths never narrow with the horizon (each is at least the one before): a forecast from
 * one origin knows no more about a later step than about an earlier one, and the per-step
 * quantiles of overlapping origins would otherwise wobble.
 */
export function halfWidths(residuals: readonly number[][], level: number, horizon: number): number[] {
  const calibrated = residuals[0]?.length ?? 0;
  const widths: number[] = [];
  for (let k = 0; k < Math.min(calibrated, horizon); k++) widths.push(Math.max(conformalQuantile(residuals.map((r) => Math.abs(r[k])), level), widths[k - 1] ?? 0));
  for (let h = calibrated + 1; h <= horizon; h++) widths.push(calibrated > 0 ? widths[calibrated - 1] * Math.sqrt(h / calibrated) : NaN);
  return widths;
}

/** Share of residuals [origins][steps] within ± the step's half-width; NaN for none. */
export function coverage(residuals: readonly number[][], widths: readonly number[]): number {
  let inside = 0;
  let count = 0;
  for (const r of residuals) {
    r.forEach((e, k) => {
      count++;
      if (Math.abs(e) <= widths[Math.min(k, widths.length - 1)]) inside++;
    });
  }
  return count > 0 ? inside / count : NaN;
}

const IntervalLevelSchema = v.object({
  /** Nominal coverage, 0.8 or 0.95. */
  level: finite,
  /** Half-width per forecast step [horizon]. */
  halfWidth: jsonNumbers,
  lower: jsonNumbers,
  upper: jsonNumbers,
  /** Share of the held-out backtest's actual values inside (NaN: no backtest). */
  coverage: jsonNumber,
});

/** The forecast's intervals and how they were calibrated and checked. */
export const ForecastIntervalsSchema = v.object({
  /** The model whose forecast they surround. */
  model: v.string(),
  /** 'validation': residuals of the validation part; 'test': of the held-out backtest itself (coverage then optimistic). */
  calibration: v.picklist(['validation', 'test']),
  /** Calibration origins, and the steps calibrated (later steps widened by sqrt). */
  calibrationOrigins: finite,
  calibratedSteps: finite,
  /** Held-out backtest values the coverage counts. */
  coveragePoints: finite,
  levels: v.array(IntervalLevelSchema),
});
export type ForecastIntervals = v.InferOutput<typeof ForecastIntervalsSchema>;

/** Intervals around `forecast` at each level, calibrated on `calibration` residuals, their coverage measured on `check` residuals. */
export function conformalIntervals(
  model: string,
  forecast: readonly number[],
  calibration: { part: 'validation' | 'test'; residuals: readonly number[][] },
  check: readonly number[][],
): ForecastIntervals {
  return {
    model,
    calibration: calibration.part,
    calibrationOrigins: calibration.residuals.length,
    calibratedSteps: calibration.residuals[0]?.length ?? 0,
    coveragePoints: check.reduce((sum, r) => sum + r.length, 0),
    levels: INTERVAL_LEVELS.map((level) => {
      const halfWidth = halfWidths(calibration.residuals, level, forecast.length);
      return {
        level,
        halfWidth,
        lower: forecast.map((value, k) => value - halfWidth[k]),
        upper: forecast.map((value, k) => value + halfWidth[k]),
        coverage: coverage(check, halfWidth),
      };
    }),
  };
}
