/**
 * What the network learns to predict: the level itself (the tutorial), the difference from the
 * previous value, or the log return ln(x_t / x_{t-1}). Differences and returns keep a series
 * whose held-out range exceeds its training range (Bitcoin in 2021) inside the range the
 * scaler saw. 'relative' predicts the change too, but the network sees its window as levels
 * relative to the window's last value (see relativeWindows.ts: as N-BEATS and RevIN normalise
 * each window), which keeps a season's shape visible where differences would hide it.
 * Predictions are turned back into levels before metrics and plots.
 */
export type TargetTransform = 'level' | 'diff' | 'logret' | 'relative';
export const TARGET_TRANSFORMS: readonly TargetTransform[] = ['level', 'diff', 'logret', 'relative'];

/** What each transform has the network predict, in words (for the reasons the job gives). */
export const TRANSFORM_WORDS: Record<TargetTransform, string> = {
  level: 'the level',
  diff: 'the change from the last changes',
  logret: 'the log return',
  relative: 'the change from the window seen relative to its last value',
};

/** Points of the level series that have no transformed value: 0 for 'level', else 1 (the first). */
export function transformOffset(transform: TargetTransform): number {
  return transform === 'level' ? 0 : 1;
}

/**
 * The transformed series of `levels` [n]: 'level' the levels; 'diff' y_i = x_i - x_{i-1};
 * 'logret' y_i = ln(x_i / x_{i-1}); 'relative' as 'diff'; all [n - 1], y[k] belonging to level index k + 1.
 * Returns the index of the first non-positive level instead when 'logret' meets one.
 */
export function transformSeries(levels: ArrayLike<number>, transform: TargetTransform): Float64Array | { nonPositiveAt: number } {
  const n = levels.length;
  if (transform === 'level') return Float64Array.from(levels);
  if (transform === 'logret') {
    for (let i = 0; i < n; i++) if (!(levels[i] > 0)) return { nonPositiveAt: i };
  }
  const out = new Float64Array(Math.max(0, n - 1));
  for (let i = 1; i < n; i++) out[i - 1] = transform !== 'logret' ? levels[i] - levels[i - 1] : Math.log(levels[i] / levels[i - 1]);
  return out;
}

/** The level after `previous` that the transformed value `y` means (the inverse of one step). */
export function levelFrom(previous: number, y: number, transform: TargetTransform): number {
  switch (transform) {
    case 'level':
      return y;
    case 'diff':
    case 'relative':
      return previous + y;
    case 'logret':
      return previous * Math.exp(y);
  }
}
