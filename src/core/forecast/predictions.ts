import { interleave, rolloutRows } from './covariates';
import type { ForecastData } from './forecastData';
import { predictWindows, type ForecastNet, type RolloutMode } from './forecastNet';
import type { ResampleInterval } from './intervals';
import { relativeRollout } from './relativeWindows';
import { bucketAfter } from './resample';
import { unscale } from './scaler';
import { shrink, shrinkPath } from './shrinkage';
import { levelFrom } from './transform';
import type { Windows } from './windows';

/**
 * One-step predictions in the series' units of the levels `first`, `first` + 1, ... that
 * `windows` predict: each from the true values before it, the transform inverted from the
 * true previous value, the change shrunk by `alpha` (see shrinkage.ts).
 */
function oneStepLevels(net: ForecastNet, data: ForecastData, windows: Windows, first: number, alpha: number): number[] {
  const scaled = predictWindows(net, windows);
  return Array.from(scaled, (value, k) => {
    const previous = data.levels[first + k - 1];
    return shrink(previous, levelFrom(previous, unscale(data.scaler, value), data.transform), alpha);
  });
}

/** The one-step prediction of every held-out point, as the tutorial evaluates (see oneStepLevels). [test] */
export function heldOutPredictions(net: ForecastNet, data: ForecastData, alpha = 1): number[] {
  return oneStepLevels(net, data, data.heldOut, data.testStart, alpha);
}

/**
 * The last `count` training windows (the validation part) as levels: their true values, the
 * true previous values, and the unshrunk one-step predictions, for fitting the shrinkage.
 */
export function validationLevels(net: ForecastNet, data: ForecastData, count: number): { previous: number[]; predicted: number[]; actual: number[] } {
  const { train } = data;
  const skip = train.count - count;
  const windows: Windows = { ...train, inputs: train.inputs.subarray(skip * train.window * train.features), targets: train.targets.subarray(skip), count };
  const first = data.testStart - count;
  return {
    previous: Array.from({ length: count }, (_, k) => data.levels[first + k - 1]),
    predicted: oneStepLevels(net, data, windows, first, 1),
    actual: Array.from(data.levels.subarray(first, data.testStart)),
  };
}

/**
 * `steps` levels from level index `origin` on (0 < origin <= n; n: past the end), in the
 * series' units, from the true history before `origin` only: recursive (each prediction fed
 * back as the newest input, see ForecastNet.rollout), the transform inverted step after step
 * from the true level before `origin`, each step's change shrunk by `alpha`; covariates as
 * rolloutRows gives them (nothing after `origin` of a column). 'relative' windows are made
 * afresh every step (see relativeRollout), whatever `mode`. [steps]
 */
export function pathFrom(net: ForecastNet, data: ForecastData, origin: number, steps: number, mode: RolloutMode, alpha = 1): number[] {
  const { window, covariates } = data;
  const start = data.levels[origin - 1];
  const rows = rolloutRows(covariates, origin, window, steps);
  const relative = data.transform === 'relative';
  return shrinkPath(start, relative ? relativeRollout(net, data.levels.subarray(0, origin), window, data.scaler, steps, rows, covariates.count) : rollout(), alpha);
  function rollout(): number[] {
    const end = origin - data.offset;
    const C = covariates.count;
    const input = interleave(data.scaled.subarray(end - window, end), rows.subarray(0, window * C), C);
    const scaled = net.rollout(input, data.features, steps, rows.subarray(window * C), mode);
    let level = start;
    return Array.from(scaled, (value) => (level = levelFrom(level, unscale(data.scaler, value), data.transform)));
  }
}

/** `horizon` values past the end of the series (see pathFrom). [horizon] */
export function futureValues(net: ForecastNet, data: ForecastData, horizon: number, mode: RolloutMode, alpha = 1): number[] {
  return pathFrom(net, data, data.levels.length, horizon, mode, alpha);
}

/** The `horizon` times after `last` on the series' axis: the next buckets of `interval` (`step` apart for 'none'). */
export function futureTimes(last: number, interval: ResampleInterval, step: number, horizon: number): number[] {
  return Array.from({ length: horizon }, (_, k) => bucketAfter(last, interval, k + 1, step));
}
