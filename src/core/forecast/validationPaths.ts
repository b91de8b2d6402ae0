/**
 * Multi-step forecasts of the validation part: from origins spread over the last
 * `validation` training points (which the model did not fit: they are its early-stopping
 * windows), each path forecast `steps` ahead from the true history before its origin, as the
 * forecast past the end is made. What the data shape, the forecast's shrinkage and the seed
 * ensemble are chosen on, so that the forecast a user acts on is judged as a forecast, not
 * only one step at a time; and whose residuals calibrate the forecast's intervals (see
 * predictionIntervals.ts). Origins closer than `steps` apart share most of their truth, so
 * evidence from them is counted in blocks (`block`).
 */
import { backtestPlan } from './backtest';
import type { ForecastData } from './forecastData';
import type { ForecastNet, RolloutMode } from './forecastNet';
import { pathFrom } from './predictions';
import { shrinkPath } from './shrinkage';

/** Origins at most (evenly spread): each costs one rollout. Enough for the intervals' 95 % quantile to be a residual, not the largest one. */
const MAX_ORIGINS = 40;

export interface ValidationPaths {
  /** Steps per path: the horizon, at most half the validation part. */
  steps: number;
  /** Where the paths start: level indices, ascending. [origins] */
  origins: number[];
  /** Per origin: the true level before it (where the path starts). [origins] */
  start: number[];
  /** Per origin: the unshrunk forecast path. [origins][steps] */
  predicted: number[][];
  /** Per origin: the true levels. [origins][steps] */
  actual: number[][];
  /** Consecutive origins per block of about `steps` points (their paths overlap): one independent observation. */
  block: number;
}

/** Steps per validation path: the horizon, at most half the validation part (at least 1). */
export function validationSteps(validation: number, horizon: number): number {
  return Math.max(1, Math.min(horizon, Math.floor(validation / 2)));
}

/** The validation paths of `net` (see the module comment); none when validation < 2. */
export function validationPaths(net: ForecastNet, data: ForecastData, validation: number, horizon: number, mode: RolloutMode): ValidationPaths {
  const steps = validationSteps(validation, horizon);
  const first = Math.max(data.window + data.offset, data.testStart - validation);
  const { origins } = validation < 2 ? { origins: [] } : backtestPlan(first, data.testStart, MAX_ORIGINS, steps);
  const spacing = origins.length > 1 ? (origins[origins.length - 1] - origins[0]) / (origins.length - 1) : steps;
  const paths: ValidationPaths = { steps, origins, start: [], predicted: [], actual: [], block: Math.max(1, Math.round(steps / spacing)) };
  for (const origin of origins) {
    paths.start.push(data.levels[origin - 1]);
    paths.predicted.push(pathFrom(net, data, origin, steps, mode));
    paths.actual.push(Array.from(data.levels.subarray(origin, origin + steps)));
  }
  return paths;
}

/** Per origin: the mean absolute error of its path shrunk by `alpha` (0: the last value repeated). [origins] */
export function pathErrors(paths: ValidationPaths, alpha: number): number[] {
  return paths.predicted.map((predicted, k) => {
    const shrunk = shrinkPath(paths.start[k], predicted, alpha);
    return shrunk.reduce((sum, value, step) => sum + Math.abs(paths.actual[k][step] - value), 0) / shrunk.length;
  });
}
