/**
 * Shrinkage toward the last value: a forecast's change from the last known level, scaled by
 * α in [0, 1] (1: the model as it is; 0: persistence). α is fitted on the validation part of
 * the training data (never the held-out part), so a model that has learned nothing a random
 * walk would not show is pulled back to the last value instead of adding its noise, and a
 * model that has learned structure keeps it.
 */

/** α from 0 to 1 in these steps. */
const STEPS = 20;
/** How many standard errors the shrunk forecasts must beat the last value by on the validation points to be kept (else α = 0). */
const EVIDENCE = 2;

/** One step: `previous` + α (`level` − `previous`). */
export function shrink(previous: number, level: number, alpha: number): number {
  return previous + alpha * (level - previous);
}

/**
 * The α whose shrunk predictions have the lowest mean absolute error on the validation
 * points (each predicted from the true `previous` level); the smallest such α on ties, and 1
 * when there are no points. α is 0 (the last value) unless the gain over the last value is
 * clear: the paired errors' mean improvement at least EVIDENCE standard errors (a random
 * walk's model gains nothing but noise, however its α fell on a few hundred points).
 */
export function fitShrinkage(previous: ArrayLike<number>, predicted: ArrayLike<number>, actual: ArrayLike<number>): { alpha: number; mae: number } {
  if (actual.length === 0) return { alpha: 1, mae: NaN };
  let best = { alpha: 1, mae: Infinity };
  for (let step = 0; step <= STEPS; step++) {
    const alpha = step / STEPS;
    const mae = shrunkMae(previous, predicted, actual, alpha);
    if (mae < best.mae - 1e-12) best = { alpha, mae };
  }
  return clearGain(previous, predicted, actual, best.alpha) ? best : { alpha: 0, mae: shrunkMae(previous, predicted, actual, 0) };
}

/** Whether the forecasts shrunk by `alpha` beat the last value by EVIDENCE standard errors of the paired absolute errors. */
function clearGain(previous: ArrayLike<number>, predicted: ArrayLike<number>, actual: ArrayLike<number>, alpha: number): boolean {
  const n = actual.length;
  if (alpha === 0 || n < 2) return alpha !== 0;
  const gains = Array.from({ length: n }, (_, i) => Math.abs(actual[i] - previous[i]) - Math.abs(actual[i] - shrink(previous[i], predicted[i], alpha)));
  const mean = gains.reduce((sum, g) => sum + g, 0) / n;
  const variance = gains.reduce((sum, g) => sum + (g - mean) ** 2, 0) / (n - 1);
  return mean > EVIDENCE * Math.sqrt(variance / n);
}

/** The mean absolute error of the predictions shrunk by `alpha`. */
export function shrunkMae(previous: ArrayLike<number>, predicted: ArrayLike<number>, actual: ArrayLike<number>, alpha: number): number {
  let sum = 0;
  for (let i = 0; i < actual.length; i++) sum += Math.abs(actual[i] - shrink(previous[i], predicted[i], alpha));
  return sum / actual.length;
}

/** A path of levels from the last actual `start`: each step's change (from the unshrunk path `levels`) scaled by α. */
export function shrinkPath(start: number, levels: readonly number[], alpha: number): number[] {
  let previousRaw = start;
  let current = start;
  return levels.map((level) => {
    current += alpha * (level - previousRaw);
    previousRaw = level;
    return current;
  });
}
