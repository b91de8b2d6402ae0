import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_AUTO_POINTS, naturalInterval } from '../../src/core/forecast/naturalInterval';
import { bucketAfter, resample } from '../../src/core/forecast/resample';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
/** `count` times from `start`, `step` ms apart. */
const every = (start: number, step: number, count: number) => Float64Array.from({ length: count }, (_, i) => start + i * step);
/** The weekdays (Mon-Fri) among `count` days from `start`. */
const weekdays = (start: number, count: number) => every(start, DAY, count).filter((t) => ![0, 6].includes(new Date(t).getUTCDay()));

test('monthly dates are months, weekly are weeks, daily are days, hourly are hours', () => {
  const months = Float64Array.from({ length: 741 }, (_, i) => Date.UTC(1958, 2 + i, 1));
  assert.equal(naturalInterval(months).interval, 'month');
  assert.equal(naturalInterval(months).reason, 'one row per month');
  assert.equal(naturalInterval(every(day('2020-01-06'), 7 * DAY, 300)).interval, 'week');
  assert.equal(naturalInterval(every(day('2012-01-01'), DAY, 1461)).interval, 'day');
  assert.equal(naturalInterval(every(day('2020-01-01'), HOUR, 2000)).interval, 'hour');
});

test('daily rows without weekends are business days, whose steps skip weekends and whose gaps are missing weekdays', () => {
  const times = weekdays(day('2020-01-01'), 400);
  const natural = naturalInterval(times);
  assert.equal(natural.interval, 'businessday');
  assert.match(natural.reason, /business days/);
  const friday = day('2020-01-03');
  assert.deepEqual([1, 2, 5, 6].map((k) => iso(bucketAfter(friday, 'businessday', k, DAY))), ['2020-01-06', '2020-01-07', '2020-01-10', '2020-01-13']);
  const withHoliday = times.filter((t) => t !== day('2020-01-08'));
  assert.equal(resample(withHoliday, new Float64Array(withHoliday.length), 'businessday', 'mean').gaps, 1, 'one weekday missing, weekends are no gaps');
});

test('steps between units take the next coarser unit; too many points coarsen further (the tutorial minute data -> days)', () => {
  assert.equal(naturalInterval(every(0, 6 * HOUR, 2160)).interval, 'day', 'the sample prices: a row every 6 hours');
  assert.match(naturalInterval(every(0, 6 * HOUR, 2160)).reason, /6 hours apart/);
  const threeYears = 3 * 365 * DAY;
  const minutes = every(0, 60_000, Math.floor(threeYears / 60_000));
  assert.ok(minutes.length / 60 > MAX_AUTO_POINTS, 'too many hours');
  assert.equal(naturalInterval(minutes).interval, 'day');
  assert.equal(naturalInterval(every(0, 90 * DAY, 40)).interval, 'none', 'quarterly rows are kept as they are');
  assert.equal(naturalInterval(Float64Array.of(5)).interval, 'day', 'a single time');
});
