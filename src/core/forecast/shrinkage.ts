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
 * The α whose errors (`errorsAt(α)`: one per validation sample, e.g. per point or per
 * forecast path) have the lowest mean; the smallest such α on ties, and 1 when there are no
 * samples. α is 0 (the last value) unless the gain over the last value is clear: the paired
 * errors' mean improvement at least EVIDENCE standard errors (a random walk's model gains
 * nothing but noise, however its α fell on a few hundred points). Samples that are not
 * independent (overlapping forecast paths) are counted in blocks of `block` consecutive ones,
 * each block one observation of the gain.
 */
export function fitAlpha(errorsAt: (alpha: number) => number[], block = 1): { alpha: number; mae: number } {
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  const none = errorsAt(0);
  if (none.length === 0) return { alpha: 1, mae: NaN };
  let best = { alpha: 0, mae: mean(none), errors: none };
  for (let step = 1; step <= STEPS; step++) {
    const errors = errorsAt(step / STEPS);
    const mae = mean(errors);
    if (mae < best.mae - 1e-12) best = { alpha: step / STEPS, mae, errors };
  }
  return clearGain(none, best.errors, block) ? { alpha: best.alpha, mae: best.mae } : { alpha: 0, mae: mean(none) };
}

/** fitAlpha over one-step predictions, each from the true `previous` level. */
export function fitShrinkage(previous: ArrayLike<number>, predicted: ArrayLike<number>, actual: ArrayLike<number>): { alpha: number; mae: number } {
  return fitAlpha((alpha) => Array.from({ length: actual.length }, (_, i) => Math.abs(actual[i] - shrink(previous[i], predicted[i], alpha))));
}

/** Whether `errors` beat the last value's errors `none` (paired) by EVIDENCE standard errors of the gains, each the mean over a block of `block` samples. */
function clearGain(none: number[], errors: number[], block: number): boolean {
  if (errors === none) return false;
  const size = Math.max(1, Math.round(block));
  const gains: number[] = [];
  for (let i = 0; i < none.length; i += size) {
    const end = Math.min(none.length, i + size);
    let sum = 0;
    for (let j = i; j < end; j++) sum += none[j] - errors[j];
    gains.push(sum / (end - i));
  }
  const n = gains.length;
  if (n < 2) return true;
  const mean = gains.reduce((sum, g) => sum + g, 0) / n;
  const variance = gains.reduce((sum, g) => sum + (g - mean) ** 2, 0) / (n - 1);
  return mean > EVIDENCE * Math.sqrt(variance / n);
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
