/**
 * Min/max decimation of a line: which points to keep so that at most `max` remain and the
 * drawn envelope is the true one (spikes included). Used by the panel's bounded result
 * (src/protocol/forecastPlot.ts) and by the runs kept in the workspace (src/core/runs/).
 */

/**
 * Indices of the points to keep: all of them when there are at most `max`; else the first,
 * the last, and in each of (max - 2) / 2 buckets of the points between, the lowest and the
 * highest (in index order; NaN values are skipped).
 */
export function minMaxIndices(values: ArrayLike<number>, max: number): number[] {
  const n = values.length;
  if (n <= max) return Array.from({ length: n }, (_, i) => i);
  const buckets = Math.max(1, Math.floor((max - 2) / 2));
  const inner = n - 2;
  const indices = [0];
  for (let b = 0; b < buckets; b++) {
    const start = 1 + Math.floor((b * inner) / buckets);
    const end = 1 + Math.floor(((b + 1) * inner) / buckets);
    let lo = -1;
    let hi = -1;
    for (let i = start; i < end; i++) {
      const v = values[i];
      if (Number.isNaN(v)) continue;
      if (lo < 0 || v < values[lo]) lo = i;
      if (hi < 0 || v > values[hi]) hi = i;
    }
    if (lo < 0) continue;
    if (lo === hi) indices.push(lo);
    else indices.push(Math.min(lo, hi), Math.max(lo, hi));
  }
  indices.push(n - 1);
  return indices;
}
