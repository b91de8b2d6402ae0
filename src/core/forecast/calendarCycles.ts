/**
 * The calendar's cycles a series of each interval can follow, as model inputs: each cycle's
 * phase at a time (UTC) in [0, 1), given to the networks as its sine and cosine so that the
 * end of a cycle sits next to its start (Sunday beside Monday, December beside January).
 * Known for every future step too, so a forecast past the end uses them truly.
 */
import type { ResampleInterval } from './intervals';

const DAY = 86_400_000;

export type CalendarCycle = 'hour of day' | 'day of week' | 'day of year' | 'month of year';
export const CALENDAR_CYCLES: readonly CalendarCycle[] = ['hour of day', 'day of week', 'day of year', 'month of year'];

/** The phase in [0, 1) of time `t` (ms UTC) in each cycle. */
const PHASES: Readonly<Record<CalendarCycle, (t: number) => number>> = {
  'hour of day': (t) => (((t % DAY) + DAY) % DAY) / DAY,
  // 1970-01-01 (day 0) was a Thursday: Monday is phase 0.
  'day of week': (t) => ((((Math.floor(t / DAY) + 3) % 7) + 7) % 7) / 7,
  'day of year': (t) => {
    const year = new Date(t).getUTCFullYear();
    const start = Date.UTC(year, 0, 1);
    return (t - start) / (Date.UTC(year + 1, 0, 1) - start);
  },
  'month of year': (t) => new Date(t).getUTCMonth() / 12,
};

/** The cycles worth giving a series of `interval` (none for 'none': its times are row numbers). */
const BY_INTERVAL: Readonly<Record<ResampleInterval, readonly CalendarCycle[]>> = {
  none: [],
  minute: ['hour of day'],
  hour: ['hour of day', 'day of week'],
  day: ['day of week', 'day of year'],
  businessday: ['day of week', 'day of year'],
  week: ['day of year'],
  month: ['month of year'],
};

export function calendarCyclesOf(interval: ResampleInterval): readonly CalendarCycle[] {
  return BY_INTERVAL[interval];
}

/** Inputs per cycle: its sine and cosine. */
export const INPUTS_PER_CYCLE = 2;

/** Writes the sine and cosine of `t`'s phase in each of `cycles` into `out` at `at`. [2 · cycles] */
export function writeCalendar(cycles: readonly CalendarCycle[], t: number, out: Float32Array, at: number): void {
  cycles.forEach((cycle, index) => {
    const angle = 2 * Math.PI * PHASES[cycle](t);
    out[at + INPUTS_PER_CYCLE * index] = Math.sin(angle);
    out[at + INPUTS_PER_CYCLE * index + 1] = Math.cos(angle);
  });
}
