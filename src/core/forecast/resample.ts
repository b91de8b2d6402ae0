import type { ResampleInterval } from './intervals';

/** How the rows of one bucket become its value. */
export type Aggregation = 'mean' | 'last' | 'sum';
export const AGGREGATIONS: readonly Aggregation[] = ['mean', 'last', 'sum'];

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

/** Length of the fixed intervals in ms. */
const FIXED: Partial<Record<ResampleInterval, number>> = { minute: MINUTE, hour: HOUR, day: DAY, businessday: DAY, week: WEEK };

/** 0 for Monday .. 6 for Sunday, of the UTC day `day` (days since 1970-01-01, a Thursday). */
const weekdayOf = (day: number) => (((day + 3) % 7) + 7) % 7;
/** Whether UTC day `day` is a Saturday or a Sunday. */
export const isWeekend = (day: number) => weekdayOf(day) >= 5;

/**
 * Start of the bucket holding time `t` (ms, UTC): the minute, hour, day (UTC midnight; also
 * for 'businessday', whose weekend rows stay days of their own), week (Monday 00:00 UTC, ISO
 * weeks) or month (the 1st, 00:00 UTC); `t` itself for 'none'.
 */
export function bucketStart(t: number, interval: ResampleInterval): number {
  switch (interval) {
    case 'none':
      return t;
    case 'minute':
    case 'hour':
    case 'day':
    case 'businessday':
      return Math.floor(t / (FIXED[interval] as number)) * (FIXED[interval] as number);
    case 'week': {
      const day = Math.floor(t / DAY);
      // 1970-01-01 was a Thursday: 3 days after a Monday.
      return (day - weekdayOf(day)) * DAY;
    }
    case 'month': {
      const date = new Date(t);
      return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
    }
  }
}

/** The weekday `k` weekdays after UTC day `day` (k >= 0). */
function weekdaysAfter(day: number, k: number): number {
  let d = day;
  for (let left = k; left > 0; ) {
    d++;
    if (!isWeekend(d)) left--;
  }
  return d;
}

/** The bucket start `k` intervals after the bucket starting at `t` (`step` ms for 'none'; business days skip weekends). */
export function bucketAfter(t: number, interval: ResampleInterval, k: number, step: number): number {
  if (interval === 'month') {
    const date = new Date(t);
    return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + k, 1);
  }
  if (interval === 'businessday') return weekdaysAfter(Math.floor(t / DAY), k) * DAY;
  return t + k * (interval === 'none' ? step : (FIXED[interval] as number));
}

/** A series on a regular axis. */
export interface ResampledSeries {
  /** Bucket starts (ms UTC, or row numbers), ascending, one per bucket that has rows. */
  times: Float64Array;
  values: Float64Array;
  /** Empty buckets between the first and last one (for 'none': missing steps where the time jumps by more than 1.5 steps). */
  gaps: number;
  /** Typical distance between points in ms (for 'none': the median one; months: 30.44 days). */
  step: number;
}

/** The median of the positive differences of sorted `times` (NaN when there are none). */
export function medianStep(times: ArrayLike<number>): number {
  const steps: number[] = [];
  for (let i = 1; i < times.length; i++) if (times[i] > times[i - 1]) steps.push(times[i] - times[i - 1]);
  if (steps.length === 0) return NaN;
  steps.sort((a, b) => a - b);
  return steps[Math.floor(steps.length / 2)];
}

/** Empty buckets between consecutive present buckets `times`. */
function countGaps(times: Float64Array, interval: ResampleInterval, step: number): number {
  let gaps = 0;
  for (let i = 1; i < times.length; i++) {
    if (interval === 'month') {
      const a = new Date(times[i - 1]);
      const b = new Date(times[i]);
      gaps += (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth() - 1;
    } else if (interval === 'businessday') {
      for (let day = Math.floor(times[i - 1] / DAY) + 1; day < Math.floor(times[i] / DAY); day++) if (!isWeekend(day)) gaps++;
    } else {
      const missing = Math.round((times[i] - times[i - 1]) / step) - 1;
      if (interval !== 'none' || times[i] - times[i - 1] > 1.5 * step) gaps += Math.max(0, missing);
    }
  }
  return gaps;
}

/**
 * Resamples a series sorted by time into buckets of `interval` (see bucketStart), each the
 * mean, last or sum of its rows; buckets without rows are left out (and counted as gaps), as
 * the tutorial's pandas groupby does. 'none' keeps every distinct time, combining rows with the
 * same time by `aggregation` (duplicates).
 */
export function resample(times: Float64Array, values: Float64Array, interval: ResampleInterval, aggregation: Aggregation): ResampledSeries {
  const outTimes: number[] = [];
  const outValues: number[] = [];
  let current = NaN;
  let sum = 0;
  let count = 0;
  let last = NaN;
  const flush = () => {
    if (count === 0) return;
    outTimes.push(current);
    outValues.push(aggregation === 'mean' ? sum / count : aggregation === 'sum' ? sum : last);
  };
  for (let i = 0; i < times.length; i++) {
    const bucket = bucketStart(times[i], interval);
    if (bucket !== current) {
      flush();
      current = bucket;
      sum = 0;
      count = 0;
    }
    sum += values[i];
    last = values[i];
    count++;
  }
  flush();
  const resampled = Float64Array.from(outTimes);
  const step = interval === 'none' ? medianStep(resampled) || 1 : interval === 'month' ? 30.436875 * DAY : (FIXED[interval] as number);
  return { times: resampled, values: Float64Array.from(outValues), gaps: countGaps(resampled, interval, step), step };
}
