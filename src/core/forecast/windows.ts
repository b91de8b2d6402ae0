/**
 * Sliding windows of a scaled series: `window` consecutive steps predict the next value.
 * Inputs are laid out as the networks take them, [count, window, features] row-major: each
 * step's value, then its covariates (see covariates.ts) when there are any.
 */
import { interleave, type Covariates } from './covariates';

export interface Windows {
  /** [count · window · features]: window k is values[first + k - window .. first + k) (and their covariates). */
  inputs: Float32Array;
  /** [count]: the value right after each window, values[first + k]. */
  targets: Float32Array;
  count: number;
  window: number;
  /** Inputs per step: 1, or 1 + the covariates' count. */
  features: number;
}

/**
 * The windows whose targets are values[from .. to) (every target needs `window` values
 * before it: from ≥ window). The seed: 3316 training values, window 60, targets 60..3316 ->
 * 3256 windows [60, 1].
 */
export function makeWindows(values: Float32Array, window: number, from: number, to: number): Windows {
  if (from < window) throw new Error(`The first target (${from}) needs ${window} values before it.`);
  const count = Math.max(0, to - from);
  const inputs = new Float32Array(count * window);
  const targets = new Float32Array(count);
  for (let k = 0; k < count; k++) {
    const target = from + k;
    inputs.set(values.subarray(target - window, target), k * window);
    targets[k] = values[target];
  }
  return { inputs, targets, count, window, features: 1 };
}

/**
 * One-value windows [count · window] (targets at points firstTarget, firstTarget + 1, ...)
 * with each step's covariate row beside its value. [count · window · (1 + C)]
 */
export function withCovariates(windows: Windows, covariates: Covariates, firstTarget: number): Windows {
  if (covariates.count === 0) return windows;
  const { count, window } = windows;
  const C = covariates.count;
  const features = 1 + C;
  const inputs = new Float32Array(count * window * features);
  for (let k = 0; k < count; k++) {
    const first = firstTarget + k - window;
    interleave(windows.inputs.subarray(k * window, (k + 1) * window), covariates.rows.subarray(first * C, (first + window) * C), C, inputs, k * window * features);
  }
  return { ...windows, inputs, features };
}

/** The windows `indices` of `windows` as one batch: inputs [b · window · features] and targets [b]. */
export function gatherWindows(windows: Windows, indices: ArrayLike<number>): { inputs: Float32Array; targets: Float32Array } {
  const size = windows.window * windows.features;
  const inputs = new Float32Array(indices.length * size);
  const targets = new Float32Array(indices.length);
  for (let k = 0; k < indices.length; k++) {
    const index = indices[k];
    inputs.set(windows.inputs.subarray(index * size, (index + 1) * size), k * size);
    targets[k] = windows.targets[index];
  }
  return { inputs, targets };
}
