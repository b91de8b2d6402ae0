/**
 * The interval a series comes in, for resampling 'auto': monthly dates -> month, weekly ->
 * week, daily -> day, daily without weekends -> businessday (trading days), hourly -> hour.
 * A step between units (every 6 hours, every 15 minutes) takes the next coarser unit, and a
 * series that would have more than MAX_AUTO_POINTS points at its own step is coarsened until
 * it fits (the tutorial's minute data over nine years -> days, as the tutorial resamples it).
 */
import { isWeekend, medianStep } from './resample';
import { INTERVALS, type ResampleInterval } from './intervals';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The most points 'auto' resamples to (a recurrent model trains on them in minutes). */
export const MAX_AUTO_POINTS = 20_000;

/** Units from finest to coarsest, with their typical length in ms. */
const UNITS: ReadonlyArray<{ interval: ResampleInterval; ms: number }> = [
  { interval: 'minute', ms: MINUTE },
  { interval: 'hour', ms: HOUR },
  { interval: 'day', ms: DAY },
  { interval: 'week', ms: 7 * DAY },
  { interval: 'month', ms: 30.436875 * DAY },
];

export interface NaturalInterval {
  interval: ResampleInterval;
  /** Why, for the panel and the CLI: "one row per month", "business days (no weekend rows)". */
  reason: string;
}

/** Whether daily `times` skip weekends: at least 20 points, and under 2 % of them on a Saturday or Sunday. */
function skipsWeekends(times: ArrayLike<number>): boolean {
  if (times.length < 20) return false;
  let weekend = 0;
  for (let i = 0; i < times.length; i++) if (isWeekend(Math.floor(times[i] / DAY))) weekend++;
  return weekend < 0.02 * times.length;
}

/** How a step compares with a unit: within 10 % (months: 27..32 days). */
function matches(step: number, unit: { interval: ResampleInterval; ms: number }): boolean {
  if (unit.interval === 'month') return step >= 27 * DAY && step <= 32 * DAY;
  return Math.abs(step - unit.ms) <= 0.1 * unit.ms;
}

/** The natural interval of a series' sorted times (ms UTC). */
export function naturalInterval(times: ArrayLike<number>): NaturalInterval {
  const step = medianStep(times);
  if (!Number.isFinite(step)) return { interval: 'day', reason: 'too few distinct times to tell: daily' };
  if (step > 32 * DAY) return { interval: 'none', reason: 'steps longer than a month: every row kept' };
  const span = times[times.length - 1] - times[0];
  const own = UNITS.findIndex((unit) => matches(step, unit));
  let index = own >= 0 ? own : UNITS.findIndex((unit) => unit.ms >= step);
  while (index < UNITS.length - 1 && span / UNITS[index].ms > MAX_AUTO_POINTS) index++;
  const { interval } = UNITS[index];
  if (index === own) {
    if (interval === 'day' && skipsWeekends(times)) return { interval: 'businessday', reason: 'one row per weekday, none on weekends: business days' };
    return { interval, reason: `one row per ${INTERVALS[interval].word}` };
  }
  const apart = step >= DAY ? `${+(step / DAY).toFixed(1)} days` : step >= HOUR ? `${+(step / HOUR).toFixed(1)} hours` : `${+(step / MINUTE).toFixed(1)} minutes`;
  const many = own >= 0 ? ` (more than ${MAX_AUTO_POINTS.toLocaleString('en')} points at that step)` : '';
  return { interval, reason: `rows about ${apart} apart${many}: ${INTERVALS[interval].adjective} buckets` };
}
