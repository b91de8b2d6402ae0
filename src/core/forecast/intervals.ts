/**
 * The calendar intervals a series is resampled to (UTC), and what each is called and how it
 * cycles. One table for the core's messages, the CLI and the panel. 'none' keeps every
 * distinct time; 'businessday' is one point per weekday (Monday to Friday: a trading day),
 * whose steps skip weekends.
 */

export type ResampleInterval = 'none' | 'minute' | 'hour' | 'day' | 'businessday' | 'week' | 'month';
export const RESAMPLE_INTERVALS: readonly ResampleInterval[] = ['none', 'minute', 'hour', 'day', 'businessday', 'week', 'month'];

/** What the resample setting takes: an interval, or 'auto' (the series' own, see naturalInterval). */
export type ResampleChoice = ResampleInterval | 'auto';
export const RESAMPLE_CHOICES: readonly ResampleChoice[] = ['auto', ...RESAMPLE_INTERVALS];

interface IntervalInfo {
  /** One step: "day" (plural with an s: "60 days"). */
  word: string;
  /** Of a series resampled to it: "daily" ('' for 'none'). */
  adjective: string;
  /** Steps in one cycle of the calendar (a day of minutes or hours, a week of days, a year of weeks or months); 0: none known. */
  season: number;
}

export const INTERVALS: Readonly<Record<ResampleInterval, IntervalInfo>> = {
  none: { word: 'point', adjective: '', season: 0 },
  minute: { word: 'minute', adjective: 'per-minute', season: 60 },
  hour: { word: 'hour', adjective: 'hourly', season: 24 },
  day: { word: 'day', adjective: 'daily', season: 7 },
  businessday: { word: 'business day', adjective: 'business-daily', season: 5 },
  week: { word: 'week', adjective: 'weekly', season: 52 },
  month: { word: 'month', adjective: 'monthly', season: 12 },
};

/** "60 months", "1 business day". */
export function steps(count: number, interval: ResampleInterval): string {
  const { word } = INTERVALS[interval];
  return `${count.toLocaleString('en')} ${count === 1 ? word : `${word}s`}`;
}
