/**
 * The forecasting job's backtest and intervals (see backtest.ts, predictionIntervals.ts):
 * where the held-out backtest forecasts from, each model's and baseline's backtest row, and
 * the intervals of a model's forecast past the end, calibrated on the residuals of its
 * validation paths (see validationPaths.ts) or, without a validation part, of the held-out
 * backtest itself.
 */
import { backtestPlan, backtestResiduals, backtestRow, persistencePathFrom, seasonalPathFrom, type Backtest, type BacktestPlan, type BacktestRow, type PathFrom } from './backtest';
import type { ForecastData } from './forecastData';
import type { ForecastNet, RolloutMode } from './forecastNet';
import type { Baseline } from './forecastResult';
import { pathFrom } from './predictions';
import { conformalIntervals, type ForecastIntervals } from './predictionIntervals';

/** The most origins the intervals are calibrated on without a validation part (each one a rollout of the horizon). */
const MAX_CALIBRATION_ORIGINS = 100;

export interface JobBacktest {
  /** The held-out backtest's origins (none when the backtest is off). */
  test: BacktestPlan;
  /** Where the intervals are calibrated: the validation part (its paths), or (without one) the held-out part's origins of `plan`. */
  calibration: { part: 'validation' } | { part: 'test'; plan: BacktestPlan };
  /** Why the intervals' coverage is optimistic, when it is. */
  warning?: string;
}

/**
 * The plans for a job whose data has `validation` validation windows (the last training
 * windows), `count` held-out origins (0: no backtest), forecasting up to `horizon` steps.
 */
export function jobBacktest(data: ForecastData, validation: number, count: number, horizon: number): JobBacktest {
  const n = data.levels.length;
  const test = backtestPlan(data.testStart, n, count, horizon);
  if (validation >= 2) return { test, calibration: { part: 'validation' } };
  if (count === 0) return { test, calibration: { part: 'test', plan: { origins: [], horizon: 0 } } };
  return {
    test,
    calibration: { part: 'test', plan: backtestPlan(data.testStart, n, MAX_CALIBRATION_ORIGINS, horizon) },
    warning: 'There is no validation part (validationSplit 0): the forecast intervals are calibrated on the held-out backtest itself, so their measured coverage is optimistic.',
  };
}

/** A trained net seen from an origin (see pathFrom): its forecasts' changes shrunk by `alpha`. */
export function netPathFrom(net: ForecastNet, data: ForecastData, rollout: RolloutMode, alpha: number): PathFrom {
  return (origin, horizon) => pathFrom(net, data, origin, horizon, rollout, alpha);
}

/**
 * A model's backtest row (when the backtest is on) and its forecast's intervals (when they can
 * be calibrated): on `validationResiduals` [origins][steps], its validation paths' actual −
 * forecast, when the plans calibrate on the validation part.
 */
export function backtestModel(
  plans: JobBacktest,
  levels: ArrayLike<number>,
  model: { name: string; label: string; path: PathFrom; forecast: readonly number[] },
  validationResiduals: readonly number[][],
): { row?: BacktestRow; intervals?: ForecastIntervals } {
  const { path } = model;
  const residuals = backtestResiduals(path, levels, plans.test);
  const calibration = plans.calibration.part === 'validation' ? validationResiduals : backtestResiduals(path, levels, plans.calibration.plan);
  return {
    ...(residuals.length > 0 ? { row: backtestRow(model.name, model.label, false, residuals) } : {}),
    ...(calibration.length > 0 ? { intervals: conformalIntervals(model.name, model.forecast, { part: plans.calibration.part, residuals: calibration }, residuals) } : {}),
  };
}

const baselinePath = (levels: ArrayLike<number>, baseline: Baseline): PathFrom =>
  baseline.name === 'persistence' ? persistencePathFrom(levels) : seasonalPathFrom(levels, baseline.period);

/** The baselines' backtest rows on the same origins. */
export function backtestBaselines(plans: JobBacktest, levels: ArrayLike<number>, baselines: readonly Baseline[]): BacktestRow[] {
  if (plans.test.origins.length === 0) return [];
  return baselines.map((b) => backtestRow(b.name, b.label, true, backtestResiduals(baselinePath(levels, b), levels, plans.test)));
}

/** The result's backtest: null when it is off. */
export function backtestResult(plans: JobBacktest, times: ArrayLike<number>, rows: BacktestRow[]): Backtest | null {
  if (plans.test.origins.length === 0) return null;
  return { origins: plans.test.origins, originTimes: plans.test.origins.map((o) => times[o]), horizon: plans.test.horizon, rows };
}
