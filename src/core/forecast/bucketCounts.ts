/**
 * How many points a series would have at each interval: the distinct buckets its times fall
 * in (what resample makes of them; gaps are not filled). For the interval quick pick and the
 * training-time estimate of the model pick, before anything is resampled.
 */
import { RESAMPLE_INTERVALS, type ResampleInterval } from './intervals';
import { bucketStart } from './resample';

/** Points per interval of sorted `times` (ms UTC, ascending): for 'none', the distinct times. O(n · intervals). */
export function bucketCounts(times: ArrayLike<number>): Record<ResampleInterval, number> {
  const counts = {} as Record<ResampleInterval, number>;
  for (const interval of RESAMPLE_INTERVALS) {
    let count = 0;
    let last = NaN;
    for (let i = 0; i < times.length; i++) {
      const bucket = bucketStart(times[i], interval);
      if (bucket !== last) count++;
      last = bucket;
    }
    counts[interval] = count;
  }
  return counts;
}
