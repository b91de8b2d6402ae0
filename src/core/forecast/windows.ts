/**
 * Sliding windows of a scaled series: `window` consecutive values predict the next one.
 * Inputs are laid out as the networks take them, [count, window, 1] row-major.
 */
export interface Windows {
  /** [count · window]: window k is values[first + k - window .. first + k). */
  inputs: Float32Array;
  /** [count]: the value right after each window, values[first + k]. */
  targets: Float32Array;
  count: number;
  window: number;
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
  return { inputs, targets, count, window };
}

/** The windows `indices` of `windows` as one batch: inputs [b · window] and targets [b]. */
export function gatherWindows(windows: Windows, indices: ArrayLike<number>): { inputs: Float32Array; targets: Float32Array } {
  const { window } = windows;
  const inputs = new Float32Array(indices.length * window);
  const targets = new Float32Array(indices.length);
  for (let k = 0; k < indices.length; k++) {
    const index = indices[k];
    inputs.set(windows.inputs.subarray(index * window, (index + 1) * window), k * window);
    targets[k] = windows.targets[index];
  }
  return { inputs, targets };
}
