/**
 * Windows relative to their last value (the 'relative' transform): the network sees the W
 * levels before a target as differences from the newest of them, divided by the scaler's
 * scale (fitted on the training part's changes), and predicts the scaled change that follows.
 * Whatever the level, a window looks the same, so a series that trends out of its training
 * range stays inside what the network learned (as N-BEATS and RevIN normalise each window);
 * unlike differences, the window keeps the shape of a season.
 *
 *   inputs_k = (x[i-W+k] - x[i-1]) / scale, k = 0..W-1 (the last input is always 0)
 *   target   = (x[i] - x[i-1] - offset) / scale
 */
import * as tf from '@tensorflow/tfjs';
import { interleave } from './covariates';
import type { ForecastNet } from './forecastNet';
import { unscale, type Scaler } from './scaler';
import type { Windows } from './windows';

/** Writes the relative window of the `window` levels before `end` into `out` at `at`. */
function writeWindow(levels: ArrayLike<number>, end: number, window: number, scaler: Scaler, out: Float32Array, at: number): void {
  const last = levels[end - 1];
  for (let k = 0; k < window; k++) out[at + k] = (levels[end - window + k] - last) / scaler.scale;
}

/** The windows whose targets are the levels [from .. to) (from > window). [count · W] inputs, [count] targets */
export function makeRelativeWindows(levels: Float64Array, scaler: Scaler, window: number, from: number, to: number): Windows {
  if (from < window + 1) throw new Error(`The first target (${from}) needs ${window} levels and a change before it.`);
  const count = Math.max(0, to - from);
  const inputs = new Float32Array(count * window);
  const targets = new Float32Array(count);
  for (let k = 0; k < count; k++) {
    const target = from + k;
    writeWindow(levels, target, window, scaler, inputs, k * window);
    targets[k] = (levels[target] - levels[target - 1] - scaler.offset) / scaler.scale;
  }
  return { inputs, targets, count, window, features: 1 };
}

/** The relative window of the `window` levels before `end`. [W] */
function relativeWindow(levels: ArrayLike<number>, end: number, window: number, scaler: Scaler): Float32Array {
  const out = new Float32Array(window);
  writeWindow(levels, end, window, scaler, out, 0);
  return out;
}

/**
 * `steps` levels after `history` (its last `window` levels are used), each predicted from a
 * fresh relative window over what came before, predictions included, beside the covariate
 * rows `rows` of the window's points ([(window + steps) · C], see rolloutRows). [steps]
 */
export function relativeRollout(net: ForecastNet, history: ArrayLike<number>, window: number, scaler: Scaler, steps: number, rows: Float32Array, count: number): number[] {
  const levels = Array.from(history).slice(-window);
  const out: number[] = [];
  for (let k = 0; k < steps; k++) {
    const input = interleave(relativeWindow(levels, levels.length, window, scaler), rows.subarray(k * count, (k + window) * count), count);
    const prediction = tf.tidy(() => net.predict(tf.tensor3d(input, [1, window, 1 + count])));
    const next = levels[levels.length - 1] + unscale(scaler, prediction.dataSync()[0]);
    prediction.dispose();
    levels.push(next);
    levels.shift();
    out.push(next);
  }
  return out;
}
