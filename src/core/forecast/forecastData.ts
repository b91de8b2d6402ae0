import { UserError } from '../userError';
import { buildCovariates, type CovariateColumnScale, type Covariates, type CovariateSource } from './covariates';
import { fitScaler, scaleValues, type Scaler, type ScalerKind } from './scaler';
import { transformOffset, transformSeries, type TargetTransform } from './transform';
import { makeRelativeWindows } from './relativeWindows';
import { makeWindows, withCovariates, type Windows } from './windows';

/**
 * A series cut the tutorial's way. Level index j (0..n-1) is a point of the series; the
 * transformed and scaled series has n - offset values, value k belonging to level k + offset
 * (offset 0 for 'level', 1 for 'diff' / 'logret' / 'relative', whose first level has no change
 * before it). 'relative' windows are levels relative to their last one (see relativeWindows.ts).
 *
 *   levels   [0 ............................ testStart) [testStart ..... n)
 *            training part (scaler fitted here)          held out (`test` points)
 *   windows  targets offset+W .. testStart-1            targets testStart .. n-1, inputs the
 *            (the tutorial: 3316 - 60 = 3256 of [60, 1])     W values before each (true history)
 *
 * With covariates (see covariates.ts), each step of a window holds its value and then the C
 * covariates of its point: windows of [W, 1 + C].
 */
export interface ForecastData {
  /** Point times (ms UTC, or row numbers) [n]. */
  times: Float64Array;
  /** Point values in the series' units [n]. */
  levels: Float64Array;
  /** First held-out level index: n - test. */
  testStart: number;
  window: number;
  transform: TargetTransform;
  /** Levels before the first transformed value: 0 or 1. */
  offset: number;
  scaler: Scaler;
  /** The transformed series scaled [n - offset] (what the windows slide over, except 'relative''s). */
  scaled: Float32Array;
  /** Training windows. */
  train: Windows;
  /** One window per held-out point. */
  heldOut: Windows;
  /** What each step holds beside its value (count 0: nothing). */
  covariates: Covariates;
  /** Inputs per step: 1 + covariates.count. */
  features: number;
}

export interface DataOptions {
  window: number;
  test: number;
  transform: TargetTransform;
  /** A kind to fit on the training part, or a fitted scaler (a saved model's). */
  scaler: ScalerKind | Scaler;
  /** Names the series in messages, e.g. `Column "Close" of prices.csv (daily means)`. */
  label: string;
  /** Shows a point's time in messages. */
  formatTime: (time: number) => string;
  /** Inputs beside the value, and a saved model's standardisation of its columns; absent: none. */
  covariates?: { source: CovariateSource; scales?: readonly CovariateColumnScale[] };
}

const NO_SOURCE: CovariateSource = { calendar: [], columns: [], futureTimes: [] };

/** The fewest points a series needs for `window`, `test` and `transform`: one training window at least. */
export function pointsNeeded(window: number, test: number, transform: TargetTransform): number {
  return window + test + 1 + transformOffset(transform);
}

/**
 * Splits, transforms, scales and windows `levels` (see ForecastData). UserError, naming the
 * series, when it has fewer points than window + test + 1 (+1 for 'diff' / 'logret'), or
 * when 'logret' meets a value that is not positive (naming its time).
 */
export function prepareForecastData(times: Float64Array, levels: Float64Array, options: DataOptions): ForecastData {
  const { window, test, transform, label } = options;
  const n = levels.length;
  const needed = pointsNeeded(window, test, transform);
  if (n < needed) {
    const plusOne = transform === 'level' ? '' : ` + 1 for the ${transform} transform`;
    throw new UserError(
      `${label} has ${n} points; a window of ${window}, ${test} held-out points and one training window need at least ${needed} (window + test + 1${plusOne}). Use a smaller --window / --test, or resample less coarsely.`,
      'window',
    );
  }
  const transformed = transformSeries(levels, transform);
  if (!(transformed instanceof Float64Array)) {
    const at = transformed.nonPositiveAt;
    throw new UserError(
      `${label} has the value ${levels[at]} at ${options.formatTime(times[at])}; the logret transform needs values above 0. Use --transform diff or level.`,
      'transform',
    );
  }
  const offset = transformOffset(transform);
  const testStart = n - test;
  const trainEnd = testStart - offset;
  const scaler = typeof options.scaler === 'string' ? fitScaler(options.scaler, transformed.subarray(0, trainEnd)) : options.scaler;
  const scaled = scaleValues(scaler, transformed);
  const relative = transform === 'relative';
  const covariates = buildCovariates(options.covariates?.source ?? NO_SOURCE, times, testStart, options.covariates?.scales);
  const train = relative ? makeRelativeWindows(levels, scaler, window, window + 1, testStart) : makeWindows(scaled, window, window, trainEnd);
  const heldOut = relative ? makeRelativeWindows(levels, scaler, window, testStart, n) : makeWindows(scaled, window, trainEnd, n - offset);
  return {
    times,
    levels,
    testStart,
    window,
    transform,
    offset,
    scaler,
    scaled,
    train: withCovariates(train, covariates, window + offset),
    heldOut: withCovariates(heldOut, covariates, testStart),
    covariates,
    features: 1 + covariates.count,
  };
}
