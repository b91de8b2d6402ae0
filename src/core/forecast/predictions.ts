import type { ForecastData } from './forecastData';
import { predictWindows, type ForecastNet, type RolloutMode } from './forecastNet';
import type { ResampleInterval } from './intervals';
import { bucketAfter } from './resample';
import { unscale } from './scaler';
import { levelFrom } from './transform';

/**
 * The one-step prediction of every held-out point in the series' units, as the tutorial
 * evaluates: each from the true `window` values before it, the transform inverted from the
 * true previous value. [test]
 */
export function heldOutPredictions(net: ForecastNet, data: ForecastData): number[] {
  const scaled = predictWindows(net, data.heldOut.inputs, data.heldOut.count, data.window);
  return Array.from(scaled, (value, k) => {
    const level = data.testStart + k;
    return levelFrom(data.levels[level - 1], unscale(data.scaler, value), data.transform);
  });
}

/**
 * `horizon` values past the end of the series in its units: recursive (each prediction fed
 * back as the newest input, see ForecastNet.rollout), the transform inverted step after step
 * from the last actual value.
 */
export function futureValues(net: ForecastNet, data: ForecastData, horizon: number, mode: RolloutMode): number[] {
  const scaled = net.rollout(data.lastWindow, horizon, mode);
  let level = data.levels[data.levels.length - 1];
  return Array.from(scaled, (value) => (level = levelFrom(level, unscale(data.scaler, value), data.transform)));
}

/** The `horizon` times after `last` on the series' axis: the next buckets of `interval` (`step` apart for 'none'). */
export function futureTimes(last: number, interval: ResampleInterval, step: number, horizon: number): number[] {
  return Array.from({ length: horizon }, (_, k) => bucketAfter(last, interval, k + 1, step));
}
