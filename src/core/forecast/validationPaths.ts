/**
 * Multi-step forecasts of the validation part: from a few origins inside the last
 * `validation` training points (which the model did not fit: they are its early-stopping
 * windows), each path forecast `steps` ahead from the true history before its origin, as the
 * forecast past the end is made. What the data shape and the forecast's shrinkage are chosen
 * on, so that the forecast a user acts on is judged as a forecast, not only one step at a time.
 */
import { backtestPlan } from './backtest';
import type { ForecastData } from './forecastData';
import type { ForecastNet, RolloutMode } from './forecastNet';
import { pathFrom } from './predictions';
import { shrinkPath } from './shrinkage';

/** Origins at most (evenly spread): each costs one rollout. */
const MAX_ORIGINS = 8;

export interface ValidationPaths {
  /** Steps per path: the horizon, at most half the validation part. */
  steps: number;
  /** Per origin: the true level before it (where the path starts). [origins] */
  start: number[];
  /** Per origin: the unshrunk forecast path. [origins][steps] */
  predicted: number[][];
  /** Per origin: the true levels. [origins][steps] */
  actual: number[][];
}

/** Steps per validation path: the horizon, at most half the validation part (at least 1). */
export function validationSteps(validation: number, horizon: number): number {
  return Math.max(1, Math.min(horizon, Math.floor(validation / 2)));
}

/** The validation paths of `net` (see the module comment); none when validation < 2. */
export function validationPaths(net: ForecastNet, data: ForecastData, validation: number, horizon: number, mode: RolloutMode): ValidationPaths {
  const steps = validationSteps(validation, horizon);
  const paths: ValidationPaths = { steps, start: [], predicted: [], actual: [] };
  if (validation < 2) return paths;
  for (const origin of backtestPlan(data.testStart - validation, data.testStart, MAX_ORIGINS, steps).origins) {
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
